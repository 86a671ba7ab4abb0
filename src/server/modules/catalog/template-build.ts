import { PassThrough, type Readable } from 'node:stream'
import {
  cityCodeOf,
  DISCIPLINES,
  flatten,
  INDUSTRIES,
  INSTRUMENT_CATEGORIES,
  REGIONS,
  regionPath,
  type TCodeNode,
} from '#shared/codes/index.ts'
import { IMPORT_CONTENT_TYPES, type TImportFormat } from '#shared/contracts/catalog-import.ts'
import type { TResourceKind } from '#shared/resource-kinds.ts'
import { addDataSheet, createXlsxWorkbook, startCsvSheet } from './export-write.ts'
import { allowedWords, columnsOf, TYPE_NAMES_ZH, type TColumn } from './template-columns.ts'

/**
 * The import template of a kind (issue 4 item 4): the header row of Chinese labels (core columns, then the
 * kind's fields), and in xlsx a 填写说明 sheet (required, type, allowed values, an example per column) and
 * the code tables (regions, disciplines, industries, and NRII categories for instruments).
 */

/** A file to send: its bytes as a stream, name and content type. */
export type TDownload = { stream: Readable; fileName: string; contentType: string }

/** Rows of the data sheet covered by the drop-down lists of enum columns. */
const DROPDOWN_ROWS = 10_000

const EXAMPLES: Partial<Record<string, string>> = {
  资源名称: '场发射扫描电子显微镜',
  简介: '用于材料表面形貌观察与微区成分分析',
  关键词: '电镜；形貌分析',
  所在地区代码: '231002',
  学科代码: '43020',
  行业代码: 'M745',
  仪器分类代码: '0101',
  联系人: '王老师',
  联系电话: '0453-6123456',
  联系邮箱: 'lab@example.edu.cn',
  规格型号: 'SU8010',
  生产厂商: '日立',
}

const EXAMPLE_BY_TYPE: Partial<Record<TColumn['type'], string>> = {
  int: '10',
  fen: '1200.50',
  number: '45.75',
  date: '2020-06-30',
  list: '甲；乙',
  bool: '是',
}

function exampleOf(column: TColumn): string {
  if (column.type === 'enum') return allowedWords(column)[0] ?? ''
  return EXAMPLES[column.label] ?? EXAMPLE_BY_TYPE[column.type] ?? ''
}

function ruleOf(column: TColumn): string {
  const parts: string[] = []
  if (column.type === 'enum') parts.push(`可填：${allowedWords(column).join(' / ')}`)
  if (column.type === 'text' || column.type === 'textarea') parts.push(`不超过 ${column.max ?? 200} 个字符`)
  if (column.type === 'list') parts.push(`最多 ${column.max ?? 20} 项，每项不超过 ${column.itemMax ?? 60} 个字符`)
  if ((column.type === 'int' || column.type === 'number') && column.min !== undefined) {
    parts.push(`${column.min} 到 ${column.maxValue ?? '∞'}`)
  }
  if (column.type === 'fen') parts.push('单位：元，不小于 0，最多两位小数（精确到分）')
  if (column.type === 'date') parts.push('格式 YYYY-MM-DD，如 2020-06-30')
  if (column.note) parts.push(column.note)
  return parts.join('；')
}

/** Industry rows with the letter in front of the digits ('M745'), as the column wants them. */
function industryRows(): string[][] {
  const rows: string[][] = []
  const walk = (nodes: readonly TCodeNode[], letter: string) => {
    for (const node of nodes) {
      const code = letter === '' ? node.code : `${letter}${node.code}`
      rows.push([code, node.name])
      if (node.children) walk(node.children, letter === '' ? node.code : letter)
    }
  }
  walk(INDUSTRIES, '')
  return rows
}

async function addTable(
  workbook: ReturnType<typeof createXlsxWorkbook>,
  name: string,
  rows: readonly string[][],
): Promise<void> {
  const sheet = workbook.addWorksheet(name)
  sheet.columns = [{ width: 12 }, { width: 48 }]
  const header = sheet.addRow(['代码', '名称'])
  header.font = { bold: true }
  header.commit()
  for (const row of rows) sheet.addRow(row).commit()
  await sheet.commit()
}

async function addInstructions(workbook: ReturnType<typeof createXlsxWorkbook>, kind: TResourceKind): Promise<void> {
  const sheet = workbook.addWorksheet('填写说明')
  sheet.columns = [{ width: 20 }, { width: 8 }, { width: 28 }, { width: 70 }, { width: 24 }]
  const intro = [
    '在“资源数据”表第 2 行起每行填写一条资源，不要修改表头；红色表头为必填列。',
    '整个文件有任何错误时将全部不导入，系统会列出出错的行和列，修改后重新上传即可。',
    '代码类列（地区、学科、行业、仪器分类）请从本文件的代码表中查找。',
  ]
  for (const line of intro) sheet.addRow([line]).commit()
  sheet.addRow([]).commit()
  const header = sheet.addRow(['列名', '必填', '类型', '填写要求', '示例'])
  header.font = { bold: true }
  header.commit()
  for (const column of columnsOf(kind)) {
    sheet
      .addRow([
        column.label,
        column.required ? '是' : '否',
        TYPE_NAMES_ZH[column.type],
        ruleOf(column),
        exampleOf(column),
      ])
      .commit()
  }
  await sheet.commit()
}

function xlsxTemplate(kind: TResourceKind): Readable {
  const out = new PassThrough()
  const workbook = createXlsxWorkbook(out)
  const build = async () => {
    const data = addDataSheet(workbook, columnsOf(kind), DROPDOWN_ROWS)
    await data.end()
    await addInstructions(workbook, kind)
    const regions = flatten(REGIONS).filter((r) => cityCodeOf(r.code) !== null)
    await addTable(
      workbook,
      '地区代码',
      regions.map((r) => [r.code, regionPath(r.code)]),
    )
    await addTable(
      workbook,
      '学科代码',
      flatten(DISCIPLINES).map((d) => [d.code, d.name]),
    )
    await addTable(workbook, '行业代码', industryRows())
    if (kind === 'instrument') {
      await addTable(
        workbook,
        '仪器分类代码',
        flatten(INSTRUMENT_CATEGORIES).map((c) => [c.code, c.name]),
      )
    }
    await workbook.commit()
  }
  build().catch((err: unknown) => out.destroy(err as Error))
  return out
}

/**
 * The template of a kind.
 * @param kind the kind of resource
 * @param format xlsx (with instructions and code tables) or csv (header line only, UTF-8 with BOM)
 */
export function buildTemplate(kind: TResourceKind, format: TImportFormat): TDownload {
  const fileName = `kexiang-${kind}-template.${format}`
  if (format === 'xlsx') return { stream: xlsxTemplate(kind), fileName, contentType: IMPORT_CONTENT_TYPES.xlsx }
  const out = new PassThrough()
  startCsvSheet(out, columnsOf(kind))
    .then((sink) => sink.end())
    .catch((err: unknown) => out.destroy(err as Error))
  return { stream: out, fileName, contentType: `${IMPORT_CONTENT_TYPES.csv}; charset=utf-8` }
}
