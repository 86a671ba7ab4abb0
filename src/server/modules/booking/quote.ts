import {
  PRICE_UNITS,
  type TBookingQuote,
  type TBookingRules,
  type TPriceTier,
  type TPriceUnit,
} from '#shared/contracts/booking.ts'
import { HOUR_MS } from './time.ts'

/**
 * Prices (issue 5 item 6, 内外有别): the instrument's fee standard has one price per tier — the owner's own
 * people (internal), members of the node network (member), everyone else (external) — per hour, sample,
 * item or day. A quote is computed before submission and frozen on the booking; changes after the
 * cut-off cost the late fee.
 */

/** attributes.feeStandard of an instrument, prices in fen. */
export type TFeeStandard = { unit: TPriceUnit; memberFen: number; internalFen: number; externalFen: number }

function fen(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0
}

/**
 * @param attributes the instrument's attributes (reads `feeStandard`)
 * @returns the fee standard; a missing or partial one reads as per hour at 0 fen (price on request)
 */
export function readFeeStandard(attributes: Record<string, unknown>): TFeeStandard {
  const raw = attributes.feeStandard
  const given = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const unit = (PRICE_UNITS as readonly unknown[]).includes(given.unit) ? (given.unit as TPriceUnit) : 'hour'
  return {
    unit,
    memberFen: fen(given.memberFen),
    internalFen: fen(given.internalFen),
    externalFen: fen(given.externalFen),
  }
}

/**
 * The price tier of a person for an instrument.
 * @param input.ownerOrgId the instrument's owner
 * @param input.personOrgIds organisations the person belongs to (any role)
 * @param input.isNetworkMember one of them has joined the instrument's node network
 * @returns internal (belongs to the owner) before member before external
 */
export function resolveTier(input: {
  ownerOrgId: string
  personOrgIds: readonly string[]
  isNetworkMember: boolean
}): TPriceTier {
  if (input.personOrgIds.includes(input.ownerOrgId)) return 'internal'
  return input.isNetworkMember ? 'member' : 'external'
}

function unitPriceOf(fee: TFeeStandard, tier: TPriceTier): number {
  if (tier === 'internal') return fee.internalFen
  return tier === 'member' ? fee.memberFen : fee.externalFen
}

function quantityOf(unit: TPriceUnit, minutes: number, samples: number): number {
  switch (unit) {
    case 'hour':
      return Math.round((minutes / 60) * 100) / 100
    case 'day':
      return Math.ceil(minutes / 1440)
    default:
      return samples
  }
}

/**
 * A quote for some time and samples.
 * @param input.minutes booked minutes (an hour when the caller has no range yet)
 * @param input.samples samples or items (1 when not given)
 * @param input.isFree basic service shared free of charge: amount 0 at any tier
 * @returns tier, unit, unit price, quantity and amount in fen (hourly amounts rounded to the fen)
 */
export function computeQuote(input: {
  fee: TFeeStandard
  tier: TPriceTier
  isFree: boolean
  minutes: number
  samples: number
}): TBookingQuote {
  const { fee, tier, isFree, minutes, samples } = input
  const unitPriceFen = isFree ? 0 : unitPriceOf(fee, tier)
  const quantity = quantityOf(fee.unit, minutes, samples)
  const amountFen = fee.unit === 'hour' ? Math.round((unitPriceFen * minutes) / 60) : unitPriceFen * quantity
  return { tier, unit: fee.unit, unitPriceFen, quantity, amountFen, isFree }
}

/**
 * The same frozen prices for a changed range (reschedule): tier and unit price stay as quoted.
 * @returns a new quote with the new quantity and amount
 */
export function requote(frozen: TBookingQuote, minutes: number, samples: number): TBookingQuote {
  const quantity = quantityOf(frozen.unit, minutes, samples)
  const amountFen =
    frozen.unit === 'hour' ? Math.round((frozen.unitPriceFen * minutes) / 60) : frozen.unitPriceFen * quantity
  return { ...frozen, quantity, amountFen }
}

/** @returns the instant until which cancelling or rescheduling is free: the cut-off before the start */
export function freeChangeUntil(rules: Pick<TBookingRules, 'cancelCutoffHours'>, start: Date): Date {
  return new Date(start.getTime() - rules.cancelCutoffHours * HOUR_MS)
}

/**
 * The fee for cancelling or rescheduling at `now`.
 * @returns 0 before the cut-off; after it the fixed fee or the percentage of the quoted amount (rounded)
 */
export function lateChangeFee(input: {
  rules: Pick<TBookingRules, 'cancelCutoffHours' | 'lateFee'>
  amountFen: number
  start: Date
  now: Date
}): number {
  const { rules, amountFen, start, now } = input
  if (now < freeChangeUntil(rules, start)) return 0
  switch (rules.lateFee.kind) {
    case 'fixed':
      return rules.lateFee.fen
    case 'percent':
      return Math.round((amountFen * rules.lateFee.percent) / 100)
    default:
      return 0
  }
}
