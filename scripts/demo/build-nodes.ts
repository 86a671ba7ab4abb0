import type { Insertable } from 'kysely'
import type { TNodeKind } from '#shared/resource-kinds.ts'
import type { PlatformNodeTable } from '#server/db/schema.ts'
import type { TRng } from './prng.ts'

/** A platform_node row with its id fixed in advance, so that paths can be built before insert. */
export type TNodeRow = Insertable<PlatformNodeTable> & { id: string; parent_id: string | null; path: string }

type TNodeSpec = { code: string; parent: string | null; name: string; kind: TNodeKind; region: string }

/**
 * The network of the demo deployment (SPEC §2): the total platform; 黑龙江 with its 牡丹江 city platform
 * (seed 000); 首都科技条件平台 with R&D service bases, domain centres and district workstations (003);
 * 湖北 with secondary service stations and a technology-contract registration office (002); 浙江 with
 * city platforms and 重庆 (001). Parents come before their children.
 */
// prettier-ignore
export const NODE_SPECS: readonly TNodeSpec[] = [
  // The national total platform has no area code of its own; the schema needs a real 6-digit one.
  { code: 'root', parent: null, name: '科享科技资源共享服务总平台', kind: 'total', region: '110000' },
  { code: 'hlj', parent: 'root', name: '黑龙江省科技资源共享服务平台', kind: 'province', region: '230000' },
  { code: 'hlj-mdj', parent: 'hlj', name: '牡丹江市科技资源共享服务平台', kind: 'city', region: '231000' },
  { code: 'bj', parent: 'root', name: '首都科技条件平台', kind: 'province', region: '110000' },
  { code: 'bj-base-tsinghua', parent: 'bj', name: '清华大学研发实验服务基地', kind: 'base', region: '110108' },
  { code: 'bj-base-pku', parent: 'bj', name: '北京大学研发实验服务基地', kind: 'base', region: '110108' },
  { code: 'bj-base-buaa', parent: 'bj', name: '北京航空航天大学研发实验服务基地', kind: 'base', region: '110108' },
  { code: 'bj-base-bjut', parent: 'bj', name: '北京工业大学研发实验服务基地', kind: 'base', region: '110105' },
  { code: 'bj-base-cas', parent: 'bj', name: '中国科学院研发实验服务基地', kind: 'base', region: '110108' },
  { code: 'bj-dc-materials', parent: 'bj', name: '新材料领域中心', kind: 'domain_centre', region: '110100' },
  { code: 'bj-dc-biomed', parent: 'bj', name: '生物医药领域中心', kind: 'domain_centre', region: '110100' },
  { code: 'bj-dc-eit', parent: 'bj', name: '电子信息领域中心', kind: 'domain_centre', region: '110100' },
  { code: 'bj-ws-haidian', parent: 'bj', name: '海淀区工作站', kind: 'workstation', region: '110108' },
  { code: 'bj-ws-chaoyang', parent: 'bj', name: '朝阳区工作站', kind: 'workstation', region: '110105' },
  { code: 'bj-ws-fengtai', parent: 'bj', name: '丰台区工作站', kind: 'workstation', region: '110106' },
  { code: 'bj-ws-changping', parent: 'bj', name: '昌平区工作站', kind: 'workstation', region: '110114' },
  { code: 'hb', parent: 'root', name: '湖北省科技资源共享服务平台', kind: 'province', region: '420000' },
  { code: 'hb-yc', parent: 'hb', name: '湖北省科技资源共享服务平台宜昌服务站', kind: 'service_station', region: '420500' },
  { code: 'hb-xy', parent: 'hb', name: '湖北省科技资源共享服务平台襄阳服务站', kind: 'service_station', region: '420600' },
  { code: 'hb-sy', parent: 'hb', name: '湖北省科技资源共享服务平台十堰服务站', kind: 'service_station', region: '420300' },
  { code: 'hb-reg', parent: 'hb', name: '湖北省技术合同登记处', kind: 'registration_office', region: '420100' },
  { code: 'zj', parent: 'root', name: '浙江省科技创新云服务平台', kind: 'province', region: '330000' },
  { code: 'zj-hz', parent: 'zj', name: '杭州市科技资源共享服务平台', kind: 'city', region: '330100' },
  { code: 'zj-nb', parent: 'zj', name: '宁波市科技资源共享服务平台', kind: 'city', region: '330200' },
  { code: 'cq', parent: 'root', name: '重庆市科技资源共享平台', kind: 'province', region: '500000' },
]

/**
 * Builds the node rows with PRNG ids and materialised paths ('/<root id>/…/<id>/').
 * @param rng the stream for ids
 * @param createdAt when the network was set up
 * @returns rows in parent-before-child order
 * @throws Error when a spec names an unknown or later parent
 */
export function buildNodes(rng: TRng, createdAt: Date): TNodeRow[] {
  const byCode = new Map<string, TNodeRow>()
  for (const spec of NODE_SPECS) {
    const id = rng.uuid()
    const parent = spec.parent === null ? null : byCode.get(spec.parent)
    if (parent === undefined) throw new Error(`node ${spec.code}: parent ${spec.parent} must come first`)
    byCode.set(spec.code, {
      id,
      parent_id: parent?.id ?? null,
      code: spec.code,
      name: spec.name,
      kind: spec.kind,
      region_code: spec.region,
      path: `${parent?.path ?? '/'}${id}/`,
      created_at: createdAt,
    })
  }
  return [...byCode.values()]
}
