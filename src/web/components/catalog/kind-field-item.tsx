import { DatePicker, Form, Input, InputNumber, Select, Switch, type FormRule } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import type { TFieldDef } from '../../../shared/catalog/kind-fields.ts'
import type { TResourceKind } from '../../../shared/resource-kinds.ts'
import type { TTranslate } from '../../i18n/i18n-context.ts'
import { isMessageKey } from '../../i18n/lang.ts'
import { useT } from '../../i18n/use-t.ts'

const FEN_PER_YUAN = 100
const DATE_FORMAT = 'YYYY-MM-DD'
const DEFAULT_TEXT_MAX = 200
const DEFAULT_LIST_MAX = 20
const LIST_SEPARATORS = [',', '，', '、', ';', '；']

/** The catalogue label of a kind's field (`field.<kind>.<key>`), or its Chinese label from KIND_FIELDS. */
export function fieldLabel(kind: TResourceKind, def: TFieldDef, t: TTranslate): string {
  const key = `field.${kind}.${def.key}`
  return isMessageKey(key) ? t(key) : def.labelZh
}

/** The catalogue label of an enum value (`opt.<kind>.<key>.<value>`), or the value as stored. */
export function optionLabel(kind: TResourceKind, fieldKey: string, value: string, t: TTranslate): string {
  const key = `opt.${kind}.${fieldKey}.${value}`
  return isMessageKey(key) ? t(key) : value
}

function rulesFor(def: TFieldDef, label: string, t: TTranslate): FormRule[] {
  const rules: FormRule[] = []
  if (def.required)
    rules.push({
      required: true,
      whitespace: def.type === 'text' || def.type === 'textarea',
      message: t('cat.rule.required', { label }),
    })
  if (def.type === 'text' || def.type === 'textarea') {
    const max = def.max ?? DEFAULT_TEXT_MAX
    rules.push({ max, message: t('cat.rule.max', { label, max }) })
  }
  if (def.type === 'list') {
    const max = def.max ?? DEFAULT_LIST_MAX
    rules.push({ type: 'array', max, message: t('cat.rule.maxItems', { label, max }) })
  }
  if ((def.type === 'int' || def.type === 'number') && (def.min !== undefined || def.maxValue !== undefined)) {
    const min = def.min ?? Number.MIN_SAFE_INTEGER
    const max = def.maxValue ?? Number.MAX_SAFE_INTEGER
    rules.push({ type: 'number', min, max, message: t('cat.rule.range', { label, min, max }) })
  }
  if (def.type === 'fen') rules.push({ type: 'number', min: 0, message: t('cat.rule.notNegative', { label }) })
  return rules
}

/** What Form.Item injects into its child: value, onChange, id and the like; passed on to the real control. */
type TInjected = Record<string, unknown>

function FieldControl({ kind, def, ...injected }: { kind: TResourceKind; def: TFieldDef } & TInjected) {
  const t = useT()
  switch (def.type) {
    case 'text':
      return <Input maxLength={def.max ?? DEFAULT_TEXT_MAX} {...injected} />
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={def.max} showCount {...injected} />
    case 'int':
      return <InputNumber precision={0} min={def.min} max={def.maxValue} style={{ width: '100%' }} {...injected} />
    case 'number':
      return <InputNumber min={def.min} max={def.maxValue} style={{ width: '100%' }} {...injected} />
    case 'fen':
      // Entered in yuan with two decimals; the form keeps fen (see getValueProps/normalize below).
      return (
        <InputNumber
          precision={2}
          min={0}
          step={10}
          style={{ width: '100%' }}
          suffix={t('cat.form.yuan')}
          {...injected}
        />
      )
    case 'date':
      return <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} {...injected} />
    case 'enum':
      return (
        <Select
          allowClear
          options={(def.options ?? []).map((value) => ({ value, label: optionLabel(kind, def.key, value, t) }))}
          {...injected}
        />
      )
    case 'list':
      return <Select mode="tags" tokenSeparators={LIST_SEPARATORS} open={false} suffixIcon={null} {...injected} />
    case 'bool':
      return <Switch {...injected} />
  }
}

/** How the form keeps a field's value versus what its control shows. */
function valueAdapters(def: TFieldDef) {
  if (def.type === 'fen') {
    return {
      getValueProps: (fen: unknown) => ({ value: typeof fen === 'number' ? fen / FEN_PER_YUAN : fen }),
      normalize: (yuan: unknown) => (typeof yuan === 'number' ? Math.round(yuan * FEN_PER_YUAN) : null),
    }
  }
  if (def.type === 'date') {
    return {
      getValueProps: (text: unknown) => ({ value: typeof text === 'string' && text ? dayjs(text) : null }),
      normalize: (date: Dayjs | null) => (date ? date.format(DATE_FORMAT) : null),
    }
  }
  if (def.type === 'bool') return { valuePropName: 'checked' }
  return {}
}

/**
 * One kind-specific field (KIND_FIELDS) as a form item under `attributes`: its label from the catalogue,
 * rules from its definition (required, longest text, most items, number range), and the control for its
 * type. Money is typed in yuan and kept in fen, dates are kept as YYYY-MM-DD, as the API wants them.
 * @returns the form item
 */
export function KindFieldItem({ kind, def }: { kind: TResourceKind; def: TFieldDef }) {
  const t = useT()
  const label = fieldLabel(kind, def, t)
  return (
    <Form.Item
      name={['attributes', ...def.key.split('.')]}
      label={label}
      rules={rulesFor(def, label, t)}
      required={def.required}
      data-testid={`field-${def.key}`}
      {...valueAdapters(def)}
    >
      <FieldControl kind={kind} def={def} />
    </Form.Item>
  )
}
