import { Button, Checkbox, Form, Input, Select } from 'antd'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Link } from 'react-router'
import {
  LICENCE_REQUIRED_KINDS,
  type TOrganisationView,
  type TRegisterOrganisationRequest,
} from '../../shared/contracts/organisations.ts'
import { ORG_KINDS } from '../../shared/resource-kinds.ts'
import { checkUSCC } from '../../shared/validators/index.ts'
import { registerOrganisation } from '../api/organisations.ts'
import type { TTranslate } from '../i18n/i18n-context.ts'
import { useLang, useT } from '../i18n/use-t.ts'
import { JOIN_AGREEMENT_VERSION } from '../legal.ts'
import { ME_QUERY_KEY } from '../queries/session.ts'
import { FileUploadField } from './file-upload-field.tsx'
import { FormErrorAlert, useFormError } from './form-error.tsx'
import { useNodeList } from '../queries/organisations.ts'
import { NodeSelect, suggestNodeFor } from './node-select.tsx'
import { RegionCascader } from './region-cascader.tsx'

const ORG_FIELDS = {
  fields: [
    'name',
    'creditCode',
    'kind',
    'licenceFileId',
    'region',
    'address',
    'contactName',
    'contactPhone',
    'nodeId',
    'acceptAgreement',
  ],
  aliases: { regionCode: 'region', agreementVersion: 'acceptAgreement' },
} as const

const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/
const CONTACT_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/

type TOrgValues = Omit<TRegisterOrganisationRequest, 'regionCode' | 'agreementVersion' | 'acceptAgreement'> & {
  region: string[]
  acceptAgreement: boolean
}

function creditCodeRules(t: TTranslate) {
  return [
    { required: true, message: t('orgForm.creditCodeRequired') },
    { pattern: USCC_SHAPE, message: t('orgForm.creditCodeFormat') },
    {
      // A wrong check character is a warning, not a block: some early pilot codes are legal yet fail it,
      // so the server accepts them and flags them for the node's reviewer.
      warningOnly: true,
      validator: async (_rule: unknown, value: unknown) => {
        if (typeof value === 'string' && checkUSCC(value) === 'checksum')
          throw new Error(t('orgForm.creditCodeChecksum'))
      },
    },
  ]
}

/**
 * 单位注册 for a signed-in person, who becomes the unit's first admin: name, 统一社会信用代码 (checksum
 * warning), kind, business licence (uploaded on choosing; required for kinds that hold one), region (lazy-loaded cascader), address, contact, the node to join and its 加盟协议.
 * @param onRegistered called with the unit, now pending the node's review
 * @returns the form
 */
export function OrgRegistrationForm({ onRegistered }: { onRegistered: (org: TOrganisationView) => void }) {
  const t = useT()
  const { lang } = useLang()
  const queryClient = useQueryClient()
  const nodes = useNodeList()
  const [form] = Form.useForm<TOrgValues>()
  const { formError, showError, clearError } = useFormError(form, ORG_FIELDS)
  const mutation = useMutation({
    // onFinish runs only once the agreement box is ticked (its rule), so acceptAgreement is true here.
    mutationFn: ({ region, acceptAgreement: _accepted, ...values }: TOrgValues) =>
      registerOrganisation(
        {
          ...values,
          regionCode: region.at(-1) ?? '',
          acceptAgreement: true,
          agreementVersion: JOIN_AGREEMENT_VERSION,
        },
        { lang },
      ),
    onSuccess: (org) => {
      // The registrant is now the unit's org_admin.
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY })
      onRegistered(org)
    },
    onError: showError,
  })

  const onRegionChange = (region: string[]) => {
    if (form.getFieldValue('nodeId') || !nodes.data) return
    const suggested = suggestNodeFor(nodes.data.items, region)
    if (suggested) form.setFieldValue('nodeId', suggested)
  }

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ kind: 'enterprise', acceptAgreement: false }}
      onValuesChange={(changed: Partial<TOrgValues>) => {
        clearError()
        if (changed.region) onRegionChange(changed.region)
      }}
      onFinish={mutation.mutate}
      data-testid="org-form"
    >
      <FormErrorAlert message={formError} />
      <Form.Item
        name="name"
        label={t('orgForm.name')}
        rules={[{ required: true, min: 2, max: 100, message: t('orgForm.nameRequired') }]}
      >
        <Input maxLength={100} autoComplete="organization" />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t('orgForm.creditCode')}
        rules={creditCodeRules(t)}
        normalize={(value: string) => value.trim().toUpperCase()}
        extra={t('orgForm.creditCodeHint')}
      >
        <Input maxLength={18} className="kx-mono" data-testid="credit-code-input" />
      </Form.Item>
      <Form.Item name="kind" label={t('orgForm.kind')} rules={[{ required: true }]}>
        <Select
          options={ORG_KINDS.map((kind) => ({ value: kind, label: t(`orgKind.${kind}`) }))}
          data-testid="org-kind"
        />
      </Form.Item>
      <Form.Item
        name="licenceFileId"
        label={t('orgForm.licence')}
        extra={t('orgForm.licenceHint')}
        dependencies={['kind']}
        rules={[
          ({ getFieldValue }) => ({
            // Units that hold a 营业执照 must upload it; the server checks the same rule.
            validator: async (_rule: unknown, value: unknown) => {
              if (!value && LICENCE_REQUIRED_KINDS.includes(getFieldValue('kind') as TOrgValues['kind'])) {
                throw new Error(t('orgForm.licenceRequired'))
              }
            },
          }),
        ]}
      >
        <FileUploadField purpose="org_licence" label={t('orgForm.licenceUpload')} testId="licence-upload" />
      </Form.Item>
      <Form.Item
        name="region"
        label={t('orgForm.region')}
        rules={[{ required: true, message: t('orgForm.regionRequired') }]}
      >
        <RegionCascader />
      </Form.Item>
      <Form.Item
        name="address"
        label={t('orgForm.address')}
        rules={[{ required: true, min: 5, max: 200, message: t('orgForm.addressRequired') }]}
      >
        <Input maxLength={200} autoComplete="street-address" />
      </Form.Item>
      <Form.Item
        name="contactName"
        label={t('orgForm.contactName')}
        rules={[{ required: true, whitespace: true, max: 50, message: t('orgForm.contactNameRequired') }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('orgForm.contactPhone')}
        rules={[{ required: true, pattern: CONTACT_PHONE, message: t('orgForm.contactPhoneInvalid') }]}
      >
        <Input inputMode="tel" maxLength={13} placeholder={t('orgForm.contactPhonePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="nodeId"
        label={t('orgForm.node')}
        rules={[{ required: true, message: t('orgForm.nodeRequired') }]}
        extra={t('orgForm.nodeHint')}
      >
        <NodeSelect nodes={nodes} />
      </Form.Item>
      <Form.Item
        name="acceptAgreement"
        valuePropName="checked"
        rules={[
          {
            validator: async (_rule, value) => {
              if (value !== true) throw new Error(t('orgForm.agreementRequired'))
            },
          },
        ]}
      >
        <Checkbox data-testid="agreement-checkbox">
          {t('orgForm.agreementPrefix')}
          <Link to="/legal/join-agreement" target="_blank">
            {t('orgForm.agreementLink')}
          </Link>
        </Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="org-submit">
        {t('orgForm.submit')}
      </Button>
    </Form>
  )
}
