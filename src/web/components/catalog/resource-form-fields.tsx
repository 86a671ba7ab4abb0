import { Card, Form, Input, Radio, Select, type FormRule } from 'antd'
import { KIND_FIELDS } from '../../../shared/catalog/kind-fields.ts'
import type { TResourceKind } from '../../../shared/resource-kinds.ts'
import type { TTranslate } from '../../i18n/i18n-context.ts'
import { useT } from '../../i18n/use-t.ts'
import { RegionCascader } from '../region-cascader.tsx'
import { AttachmentsField } from './attachments-field.tsx'
import { CodePicker } from './code-picker.tsx'
import { KindFieldItem } from './kind-field-item.tsx'

const TITLE_MAX = 300
const SUMMARY_MAX = 4000
const TAGS_MAX = 20
const TAG_MAX = 30
const CATEGORY_MAX = 40
const TAG_SEPARATORS = [',', '，', '、', ';', '；']

function tagRules(t: TTranslate): FormRule[] {
  return [
    { type: 'array', max: TAGS_MAX, message: t('cat.rule.maxItems', { label: t('cat.form.tags'), max: TAGS_MAX }) },
    {
      validator: async (_rule, value: unknown) => {
        const tooLong = Array.isArray(value) && value.some((tag) => String(tag).trim().length > TAG_MAX)
        if (tooLong) throw new Error(t('cat.form.tagTooLong', { max: TAG_MAX }))
      },
    },
  ]
}

function BasicSection() {
  const t = useT()
  return (
    <Card size="small" title={t('cat.form.sectionBasic')}>
      <Form.Item
        name="title"
        label={t('cat.form.title')}
        rules={[
          { required: true, whitespace: true, message: t('cat.rule.required', { label: t('cat.form.title') }) },
          { max: TITLE_MAX, message: t('cat.rule.max', { label: t('cat.form.title'), max: TITLE_MAX }) },
        ]}
      >
        <Input maxLength={TITLE_MAX} data-testid="resource-title-input" />
      </Form.Item>
      <Form.Item name="summary" label={t('cat.form.summary')} rules={[{ max: SUMMARY_MAX }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={SUMMARY_MAX} showCount />
      </Form.Item>
      <Form.Item name="tags" label={t('cat.form.tags')} extra={t('cat.form.tagsHint')} rules={tagRules(t)}>
        <Select mode="tags" tokenSeparators={TAG_SEPARATORS} open={false} suffixIcon={null} />
      </Form.Item>
    </Card>
  )
}

function ClassificationSection({ kind }: { kind: TResourceKind }) {
  const t = useT()
  return (
    <Card size="small" title={t('cat.form.sectionClass')}>
      <div className="kx-cat-form-grid">
        <Form.Item
          name="region"
          label={t('cat.form.region')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('cat.rule.required', { label: t('cat.form.region') }) },
          ]}
        >
          <RegionCascader />
        </Form.Item>
        <Form.Item name="disciplineCode" label={t('cat.form.discipline')}>
          <CodePicker table="discipline" data-testid="discipline-picker" />
        </Form.Item>
        <Form.Item name="industryCode" label={t('cat.form.industry')}>
          <CodePicker table="industry" data-testid="industry-picker" />
        </Form.Item>
        {kind === 'instrument' ? (
          <Form.Item name="category" label={t('cat.form.instrumentCategory')}>
            <CodePicker table="category" data-testid="category-picker" />
          </Form.Item>
        ) : (
          <Form.Item name="category" label={t('cat.form.category')} rules={[{ max: CATEGORY_MAX }]}>
            <Input maxLength={CATEGORY_MAX} />
          </Form.Item>
        )}
      </div>
    </Card>
  )
}

function KindSection({ kind }: { kind: TResourceKind }) {
  const t = useT()
  return (
    <Card size="small" title={t('cat.form.sectionKind', { kind: t(`kind.${kind}`) })} data-testid="kind-fields">
      <div className="kx-cat-form-grid">
        {KIND_FIELDS[kind].map((def) => (
          <div key={def.key} className={def.type === 'textarea' ? 'kx-cat-form-wide' : undefined}>
            <KindFieldItem kind={kind} def={def} />
          </div>
        ))}
      </div>
    </Card>
  )
}

function contactRule(t: TTranslate, other: 'name' | 'phone', label: string): FormRule {
  // Name and phone come together: one without the other is refused by the API.
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      const otherValue: unknown = getFieldValue(['contact', other])
      const hasOther = typeof otherValue === 'string' && otherValue.trim() !== ''
      if (hasOther && (typeof value !== 'string' || value.trim() === ''))
        throw new Error(t('cat.rule.required', { label }))
    },
  })
}

function SharingSection() {
  const t = useT()
  return (
    <Card size="small" title={t('cat.form.sectionSharing')}>
      <div className="kx-cat-form-grid">
        <Form.Item name="sharingLevel" label={t('resource.sharingLevel')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['free', 'paid'] as const).map((value) => ({ value, label: t(`sharing.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="audience" label={t('cat.form.audience')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['public', 'network'] as const).map((value) => ({ value, label: t(`cat.audience.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name={['contact', 'name']}
          label={t('detail.contactName')}
          dependencies={[['contact', 'phone']]}
          rules={[{ max: 40 }, contactRule(t, 'phone', t('detail.contactName'))]}
        >
          <Input maxLength={40} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name={['contact', 'phone']}
          label={t('detail.contactPhone')}
          dependencies={[['contact', 'name']]}
          rules={[
            { min: 5, max: 30, message: t('cat.form.phoneInvalid') },
            contactRule(t, 'name', t('detail.contactPhone')),
          ]}
        >
          <Input maxLength={30} inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item
          name={['contact', 'email']}
          label={t('detail.contactEmail')}
          rules={[{ type: 'email', message: t('cat.form.emailInvalid') }]}
        >
          <Input maxLength={100} inputMode="email" autoComplete="email" />
        </Form.Item>
      </div>
    </Card>
  )
}

function AttachmentsSection() {
  const t = useT()
  return (
    <Card size="small" title={t('cat.form.sectionAttachments')}>
      <Form.Item name="images" label={t('cat.detail.images')} extra={t('cat.upload.imagesHint')}>
        <AttachmentsField role="image" />
      </Form.Item>
      <Form.Item name="documents" label={t('cat.detail.documents')} extra={t('cat.upload.documentsHint')}>
        <AttachmentsField role="document" />
      </Form.Item>
    </Card>
  )
}

/**
 * The editor's fields, in sections: basics, classification (region, discipline, industry, category), the
 * kind's own fields from KIND_FIELDS, sharing and contact, images and documents.
 * @returns the sections, to be placed inside the editor's Form
 */
export function ResourceFormFields({ kind }: { kind: TResourceKind }) {
  return (
    <div className="kx-stack">
      <BasicSection />
      <ClassificationSection kind={kind} />
      <KindSection kind={kind} />
      <SharingSection />
      <AttachmentsSection />
    </div>
  )
}
