import { Typography } from 'antd'
import { useLang, useT } from '../../../i18n/use-t.ts'
import { isMessageKey } from '../../../i18n/lang.ts'
import { formatFenAsYuan } from '../../../lib/format.ts'

const TIERS = ['memberFen', 'internalFen', 'externalFen'] as const

type TFeeStandard = {
  unit?: unknown
  memberFen?: unknown
  internalFen?: unknown
  externalFen?: unknown
  note?: unknown
}

/**
 * 收费标准 of an instrument: the three price tiers in yuan per unit (成员单位 / 内部 / 对外, 内外有别, SPEC §3),
 * "free" when every tier is zero, and the provider's note.
 * @param fee `attributes.feeStandard` as received
 * @returns the tiers, or nothing when no tier is set
 */
export function FeeStandard({ fee }: { fee: TFeeStandard }) {
  const t = useT()
  const { lang } = useLang()
  const prices = TIERS.map((tier) => [tier, fee[tier]] as const).filter(
    (entry): entry is readonly [(typeof TIERS)[number], number] => typeof entry[1] === 'number',
  )
  const unitKey = `cat.fee.unit.${String(fee.unit)}`
  const unit = isMessageKey(unitKey) ? t(unitKey) : typeof fee.unit === 'string' ? fee.unit : ''
  const note = typeof fee.note === 'string' ? fee.note : ''
  if (prices.length === 0 && !note) return null
  const isFree = prices.length > 0 && prices.every(([, fen]) => fen === 0)
  return (
    <div data-testid="fee-standard">
      {isFree ? (
        <Typography.Text strong>{t('cat.fee.free')}</Typography.Text>
      ) : (
        <div className="kx-cat-fee-tiers">
          {prices.map(([tier, fen]) => (
            <div key={tier} className="kx-cat-fee-tier" data-testid={`fee-${tier.replace('Fen', '')}`}>
              <div className="kx-cat-muted">{t(`cat.fee.${tier}`)}</div>
              <div className="kx-cat-fee-price">
                {formatFenAsYuan(fen, lang, t)}
                {unit && <span className="kx-cat-muted"> / {unit}</span>}
              </div>
            </div>
          ))}
        </div>
      )}
      {note && (
        <Typography.Paragraph className="kx-pre-line" style={{ margin: '8px 0 0' }}>
          {note}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('cat.fee.tiersNote')}
      </Typography.Paragraph>
    </div>
  )
}
