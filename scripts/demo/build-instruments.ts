import type { TOrgKind } from '#shared/resource-kinds.ts'
import { expandAlternatives, type TRng } from './prng.ts'
import {
  baseResource,
  contactAt,
  makerShortName,
  yuanToFen,
  type TBuildContext,
  type TDemoResource,
} from './resource-base.ts'
import { beijingDate } from './time.ts'
import { ANALYSIS_INSTRUMENTS } from './vocab/instruments-analysis.ts'
import { LIFE_INSTRUMENTS } from './vocab/instruments-life.ts'
import { PHYSICAL_INSTRUMENTS } from './vocab/instruments-physical.ts'
import { SPECIAL_INSTRUMENTS } from './vocab/instruments-special.ts'
import { SPECTRA_INSTRUMENTS } from './vocab/instruments-spectra.ts'
import { LAB_NAMES, type TInstrumentType } from './vocab/instrument-types.ts'

/** Every instrument type of the vocabulary. */
export const INSTRUMENT_TYPES: readonly TInstrumentType[] = [
  ...ANALYSIS_INSTRUMENTS,
  ...SPECTRA_INSTRUMENTS,
  ...LIFE_INSTRUMENTS,
  ...PHYSICAL_INSTRUMENTS,
  ...SPECIAL_INSTRUMENTS,
]

const TYPE_WEIGHTS = INSTRUMENT_TYPES.map((t) => [t, t.weight] as const)

/** Who owns large instruments: mostly universities and institutes, then testing agencies and companies. */
const OWNER_KINDS: readonly (readonly [TOrgKind, number])[] = [
  ['university', 52],
  ['institute', 20],
  ['service_agency', 16],
  ['enterprise', 12],
]

const INSTRUMENT_STATUS: readonly (readonly ['in_service' | 'maintenance', number])[] = [
  ['in_service', 93],
  ['maintenance', 7],
]

const OPEN_HOURS = ['工作日 8:30–11:30，13:30–17:00', '工作日 8:00–12:00，14:00–18:00', '周一至周六 8:30–17:30']

function roomFor(rng: TRng, ownerKind: TOrgKind): string {
  if (ownerKind === 'university') return `${rng.pick(['A', 'B', 'C', 'D'])}座${rng.int(1, 5)}${String(rng.int(1, 30)).padStart(2, '0')}室`
  return `${rng.pick(['实验楼', '检测楼', '研发楼'])}${rng.int(1, 6)}层${rng.int(1, 20)}号`
}

function coordinatesNear(rng: TRng, place: { lng: number; lat: number } | null) {
  if (!place) return {}
  return {
    latitude: Math.round((place.lat + rng.between(-0.06, 0.06)) * 1e5) / 1e5,
    longitude: Math.round((place.lng + rng.between(-0.08, 0.08)) * 1e5) / 1e5,
  }
}

/** 内外有别 (004 §4.2): members of the co-building group pay 80 %, the owner's own staff 50 % of the external price. */
function feeStandardFor(rng: TRng, type: TInstrumentType, isFree: boolean) {
  if (isFree) return { unit: type.fee[0], memberFen: 0, internalFen: 0, externalFen: 0, note: '免费开放，仅收取耗材成本' }
  const externalFen = yuanToFen(rng.between(type.fee[1], type.fee[2]), 10)
  return {
    unit: type.fee[0],
    memberFen: yuanToFen((externalFen / 100) * 0.8, 10),
    internalFen: yuanToFen((externalFen / 100) * 0.5, 10),
    externalFen,
  }
}

function bookingRulesFor(rng: TRng, type: TInstrumentType) {
  const isHourly = type.fee[0] === 'hour'
  return {
    openHours: rng.pick(OPEN_HOURS),
    minNoticeHours: rng.pick([24, 24, 48, 72]),
    slotMinutes: isHourly ? rng.pick([30, 60, 60]) : null,
    maxHoursPerBooking: isHourly ? rng.pick([4, 8, 8, 24]) : null,
    trainingRequired: isHourly && rng.chance(0.6),
    approvalRequired: rng.chance(0.7),
  }
}

function purchaseDateFor(rng: TRng, since: number, now: Date): Date {
  const firstDay = Date.UTC(Math.max(since, 2008), 0, 1)
  const lastDay = now.getTime() - 90 * 86_400_000
  return new Date(firstDay + Math.floor(rng.next() * Math.max(1, lastDay - firstDay)))
}

/**
 * One large instrument (大型科学仪器设备): a type from the vocabulary, an owner working in its field, a real
 * manufacturer and model (bought no earlier than the model came out), original value and fees in fen,
 * location in one of the owner's labs, technical indicators, booking rules and a contact.
 * @param rng the stream to draw from
 * @param ctx owners, now and status mode
 * @param centre approximate coordinates of the owner's city, if known
 * @returns a complete resource row
 */
export function makeInstrument(
  rng: TRng,
  ctx: TBuildContext,
  centre: (cityCode: string) => { lng: number; lat: number } | null,
): TDemoResource {
  const type = rng.weighted(TYPE_WEIGHTS)
  const owner = ctx.owners.pick(rng, OWNER_KINDS, type.fields)
  const base = baseResource(rng, ctx, owner, 'instrument')
  const [maker, model, country, since = 2008] = rng.pick(type.models)
  const purchased = purchaseDateFor(rng, since, ctx.now)
  const year = purchased.getUTCFullYear()
  const isFree = rng.chance(0.08)
  const lab = rng.pick(LAB_NAMES[type.lab][owner.kind === 'university' ? 'university' : 'other'])
  return {
    ...base,
    title: type.name,
    summary: `${makerShortName(maker)} ${model}，${year}年购置，安放于${owner.name}${lab}。${type.functions}`,
    discipline_code: type.discipline,
    industry_code: type.industry,
    category: type.category,
    tags: isFree ? [...type.tags, '免费共享'] : [...type.tags],
    sharing_level: isFree ? 'free' : 'paid',
    contact: contactAt(rng, owner),
    attributes: {
      model,
      manufacturer: maker,
      country,
      originalValueFen: yuanToFen(rng.between(type.valueWan[0], type.valueWan[1]) * 10_000, 100),
      purchaseDate: beijingDate(purchased),
      assetNo: `${year}${rng.digits(5)}`,
      location: {
        lab: `${owner.name}${lab}`,
        address: owner.address,
        room: roomFor(rng, owner.kind),
        ...coordinatesNear(rng, centre(owner.cityCode)),
      },
      indicators: type.indicators.map((line, i) => `${i + 1}. ${expandAlternatives(rng, line)}`).join('\n'),
      functions: type.functions,
      sampleRequirements: expandAlternatives(rng, type.samples),
      feeStandard: feeStandardFor(rng, type, isFree),
      bookingRules: bookingRulesFor(rng, type),
      status: rng.weighted(INSTRUMENT_STATUS),
      annualHours: rng.pick([1400, 1500, 1600, 1760, 1800, 1920, 2000]),
    },
  }
}
