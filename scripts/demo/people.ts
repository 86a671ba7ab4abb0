import { pinyin } from 'pinyin-pro'
import type { TRng } from './prng.ts'

/**
 * Common surnames, weighted roughly by their share of the population (a person from the field expects
 * many 王/李/张 and a few 欧阳). Given names are drawn from characters common in names born 1960–1995.
 * Names are combined at random; any match with a real person is a coincidence.
 */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 70], ['张', 68], ['刘', 54], ['陈', 46], ['杨', 32], ['黄', 23], ['赵', 22], ['吴', 21],
  ['周', 21], ['徐', 16], ['孙', 15], ['马', 15], ['朱', 14], ['胡', 13], ['郭', 12], ['何', 12], ['高', 12],
  ['林', 11], ['罗', 11], ['郑', 10], ['梁', 10], ['谢', 8], ['宋', 8], ['唐', 8], ['许', 7], ['韩', 7],
  ['冯', 7], ['邓', 7], ['曹', 7], ['彭', 6], ['曾', 6], ['肖', 6], ['田', 6], ['董', 6], ['袁', 5], ['潘', 5],
  ['于', 5], ['蒋', 5], ['蔡', 5], ['余', 5], ['杜', 5], ['叶', 5], ['程', 5], ['苏', 4], ['魏', 4], ['吕', 4],
  ['丁', 4], ['任', 4], ['沈', 4], ['姚', 4], ['卢', 4], ['姜', 4], ['崔', 4], ['钟', 3], ['谭', 3], ['陆', 3],
  ['汪', 3], ['范', 3], ['金', 3], ['石', 3], ['廖', 3], ['贾', 3], ['夏', 3], ['韦', 3], ['付', 3], ['方', 3],
  ['白', 3], ['邹', 3], ['孟', 3], ['熊', 3], ['秦', 3], ['邱', 3], ['江', 3], ['尹', 3], ['薛', 2], ['闫', 2],
  ['段', 2], ['雷', 2], ['侯', 2], ['龙', 2], ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2],
  ['郝', 2], ['龚', 2], ['邵', 2], ['万', 2], ['钱', 2], ['严', 2], ['覃', 2], ['武', 2], ['戴', 2], ['孔', 2],
  ['向', 2], ['汤', 2], ['常', 2], ['葛', 1], ['关', 1], ['欧阳', 1], ['上官', 0.3], ['司马', 0.2],
]

const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲兰凤梅琳燕彬鹏辉建国志宏海波宁',
  ...'俊峰旭亮晨浩宇晓文博斌立新春雪琴云莉倩婷颖欣然佳昊轩成诚瑞祥晶鑫楠蕾薇璐慧雯岩松林森凯',
  ...'飞翔宏伟振东德利永康庆丰学良振华志刚卫东嘉怡思远子涵一鸣少华晓东国庆红梅建华秋',
]

/**
 * A Chinese personal name: surname + one or two given-name characters (about 40 % single).
 * @param rng the stream to draw from
 */
export function personName(rng: TRng): string {
  const surname = rng.weighted(SURNAMES)
  const first = rng.pick(GIVEN)
  if (rng.chance(0.4)) return surname + first
  let second = rng.pick(GIVEN)
  if (second === first && rng.chance(0.7)) second = rng.pick(GIVEN)
  return surname + first + second
}

/** Mobile prefixes of the three carriers (no virtual-operator 170/171 ranges). */
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156',
  '157', '158', '159', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191',
  '198', '199',
]

/**
 * A mobile number of valid format (`^1[3-9]\d{9}$`), random: the demo data never holds real contacts.
 * @param rng the stream to draw from
 */
export function mobileNumber(rng: TRng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8)
}

function toPinyin(text: string, isSurname: boolean): string {
  return pinyin(text, { toneType: 'none', type: 'array', surname: isSurname ? 'head' : 'off', v: true }).join('')
}

// Looked up per character rather than asking pinyin-pro per name: the benchmark generator makes millions
// of contacts, and this turns a third of its time into a map lookup.
const SURNAME_PINYIN = new Map(SURNAMES.map(([s]) => [s, toPinyin(s, true)]))
const GIVEN_PINYIN = new Map(GIVEN.map((c) => [c, toPinyin(c, false)]))

/**
 * The pinyin of a name without tones, surname first, surnames read as surnames: '曾伟' → 'zengwei'.
 * @param name a Chinese personal name
 */
export function namePinyin(name: string): string {
  const two = name.slice(0, 2)
  const surname = name.length > 2 && SURNAME_PINYIN.has(two) ? two : name.charAt(0)
  let out = SURNAME_PINYIN.get(surname) ?? toPinyin(surname, true)
  for (const c of name.slice(surname.length)) out += GIVEN_PINYIN.get(c) ?? toPinyin(c, false)
  return out
}

/**
 * A contact e-mail address under the RFC 2606 reserved domain example.com, so that no demo mail can
 * reach anybody: '<pinyin>@<unit slug>.example.com'.
 * @param name the person's name
 * @param unitSlug a short ASCII slug of the unit, e.g. 'hit'
 */
export function demoEmail(name: string, unitSlug: string): string {
  return `${namePinyin(name)}@${unitSlug}.example.com`
}
