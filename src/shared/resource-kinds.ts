/**
 * Every kind of resource the catalogue holds (SPEC §3). The order is the order the portal shows them in.
 * Labels live in the web catalogues (src/web/i18n) under `kind.<value>`.
 */
export const RESOURCE_KINDS = [
  'instrument',
  'lab',
  'expert',
  'team',
  'achievement',
  'patent',
  'service',
  'literature',
  'dataset',
  'incubator',
  'policy',
  'news',
] as const

export type TResourceKind = (typeof RESOURCE_KINDS)[number]

/** Kinds of platform node (SPEC §2). */
export const NODE_KINDS = [
  'total',
  'province',
  'city',
  'base',
  'domain_centre',
  'workstation',
  'service_station',
  'registration_office',
] as const

export type TNodeKind = (typeof NODE_KINDS)[number]

/** Kinds of organisation (SPEC §1). */
export const ORG_KINDS = ['enterprise', 'university', 'institute', 'service_agency', 'patent_agency', 'government'] as const

export type TOrgKind = (typeof ORG_KINDS)[number]
