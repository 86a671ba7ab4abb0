import { registerMessages } from '../../http/messages.ts'

/** The files module's own messages (uploads, downloads, claims). */
export const FILE_MESSAGES = registerMessages({
  'zh-CN': {
    'files.NOT_FOUND': '文件不存在',
    'files.NOT_MULTIPART': '请以 multipart/form-data 上传文件（字段 purpose 在前，文件字段 file 在后）',
    'files.PURPOSE_REQUIRED': '请说明文件用途（purpose），并放在文件之前',
    'files.PURPOSE_INVALID': '文件用途无效：{purpose}',
    'files.FILE_REQUIRED': '请选择要上传的文件（字段 file）',
    'files.EMPTY': '文件是空的',
    'files.TOO_LARGE': '文件过大：此处上传的文件不能超过 {limit}',
    'files.TYPE_NOT_ALLOWED': '文件类型不符合要求：此处只接受 {allowed}（按文件内容识别，而不是扩展名）',
    'files.CLAIM_NOT_FOUND': '文件不存在或不是您（或您的单位）上传的，请重新上传',
    'files.CLAIM_TAKEN': '该文件已被其他记录使用，请重新上传',
    'files.CLAIM_PURPOSE': '该文件的用途（{purpose}）不能用在这里，请重新上传',
    'files.LICENCE_REQUIRED': '请上传营业执照（PDF、PNG 或 JPEG）',
  },
  en: {
    'files.NOT_FOUND': 'File not found',
    'files.NOT_MULTIPART': 'Upload files as multipart/form-data (the field purpose first, then the file field file)',
    'files.PURPOSE_REQUIRED': 'Say what the file is for (field purpose), before the file',
    'files.PURPOSE_INVALID': 'Unknown file purpose: {purpose}',
    'files.FILE_REQUIRED': 'Choose a file to upload (field file)',
    'files.EMPTY': 'The file is empty',
    'files.TOO_LARGE': 'The file is too large: files here may be at most {limit}',
    'files.TYPE_NOT_ALLOWED':
      'This type of file is not accepted here: only {allowed} (recognised from the content, not the name)',
    'files.CLAIM_NOT_FOUND': 'The file does not exist or was not uploaded by you or your organisation; upload it again',
    'files.CLAIM_TAKEN': 'The file is already used by another record; upload it again',
    'files.CLAIM_PURPOSE': 'A file uploaded for {purpose} cannot be used here; upload it again',
    'files.LICENCE_REQUIRED': 'Upload the business licence (PDF, PNG or JPEG)',
  },
})
