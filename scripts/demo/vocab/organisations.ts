import type { TOrgKind } from '#shared/resource-kinds.ts'
import type { TFieldKey } from './fields.ts'

/**
 * The organisations of the demo network. Universities, institutes and government departments are real
 * (public names and campus addresses); every company, testing firm and patent agency is invented. Credit
 * codes, people, instruments and figures attached to them are generated and are NOT the real ones.
 */
export type TOrgSeed = {
  /** Short ASCII slug: demo e-mail domain and a stable key. */
  slug: string
  name: string
  kind: TOrgKind
  /** GB/T 2260 code, district level where the address is known. */
  region: string
  /** Full address; empty: generated from the district's roads. */
  address: string
  /** Code of the platform node the organisation joined. */
  node: string
  fields: readonly TFieldKey[]
  /** A service agency that is a public institution (事业单位) gets a '12…' credit code. */
  isPublicInstitution?: boolean
  /** Registered but not yet approved by the node. */
  isPending?: boolean
}

type TSeedRow = [string, string, TOrgKind, string, string, string, TFieldKey[], ('public' | 'pending')?]

// slug, name, kind, region, address, node, fields, flag
// prettier-ignore
const ROWS: readonly TSeedRow[] = [
  // 黑龙江: 哈尔滨, 牡丹江, 大庆, 齐齐哈尔
  ['hit', '哈尔滨工业大学', 'university', '230103', '黑龙江省哈尔滨市南岗区西大直街92号', 'hlj', ['materials', 'manufacturing', 'eit', 'energy', 'civil', 'env']],
  ['hrbeu', '哈尔滨工程大学', 'university', '230103', '黑龙江省哈尔滨市南岗区南通大街145号', 'hlj', ['manufacturing', 'materials', 'eit', 'energy']],
  ['nefu', '东北林业大学', 'university', '230110', '黑龙江省哈尔滨市香坊区和兴路26号', 'hlj', ['agri', 'chem', 'materials', 'env']],
  ['neau', '东北农业大学', 'university', '230110', '黑龙江省哈尔滨市香坊区长江路600号', 'hlj', ['agri', 'food', 'biomed']],
  ['hrbmu', '哈尔滨医科大学', 'university', '230103', '黑龙江省哈尔滨市南岗区保健路157号', 'hlj', ['biomed']],
  ['mdjmu', '牡丹江医学院', 'university', '231004', '黑龙江省牡丹江市爱民区通乡街3号', 'hlj-mdj', ['biomed', 'chem']],
  ['mdjnu', '牡丹江师范学院', 'university', '231004', '黑龙江省牡丹江市爱民区文化街191号', 'hlj-mdj', ['chem', 'eit', 'agri']],
  ['nepu', '东北石油大学', 'university', '230600', '黑龙江省大庆市高新技术产业开发区发展路199号', 'hlj', ['energy', 'chem', 'civil']],
  ['qqhru', '齐齐哈尔大学', 'university', '230203', '黑龙江省齐齐哈尔市建华区文化大街42号', 'hlj', ['chem', 'food', 'materials']],
  ['mdjsenhe', '牡丹江森禾生物科技有限公司', 'enterprise', '231003', '', 'hlj-mdj', ['biomed', 'agri']],
  ['mdjbeiye', '牡丹江北冶精工机械有限公司', 'enterprise', '231005', '', 'hlj-mdj', ['manufacturing', 'materials']],
  ['mdjxueyuan', '牡丹江雪原绿色食品有限公司', 'enterprise', '231084', '', 'hlj-mdj', ['food', 'agri']],
  ['mdjhongtu', '牡丹江宏图电子科技有限公司', 'enterprise', '231002', '', 'hlj-mdj', ['eit']],
  ['sfhlongjiang', '绥芬河龙江木业科技有限公司', 'enterprise', '231081', '', 'hlj-mdj', ['materials', 'agri']],
  ['mdjhandi', '牡丹江寒地新材料科技有限公司', 'enterprise', '231003', '', 'hlj-mdj', ['materials'], 'pending'],
  ['mdjqi', '牡丹江市产品质量检验检测中心', 'service_agency', '231004', '', 'hlj-mdj', ['materials', 'food', 'chem', 'env'], 'public'],
  ['mdjkc', '牡丹江市科技创新创业服务中心', 'service_agency', '231002', '', 'hlj-mdj', ['ip'], 'public'],
  ['mdjst', '牡丹江市科学技术局', 'government', '231002', '', 'hlj-mdj', ['ip']],
  ['mdjhuacheng', '牡丹江华诚知识产权代理事务所（普通合伙）', 'patent_agency', '231004', '', 'hlj-mdj', ['ip']],
  ['hrbruiguang', '哈尔滨锐光精密仪器有限公司', 'enterprise', '230109', '', 'hlj', ['eit', 'manufacturing']],
  ['hrbweld', '哈尔滨北方焊接技术有限公司', 'enterprise', '230108', '', 'hlj', ['manufacturing', 'materials']],
  ['hrbbingcheng', '哈尔滨冰城知识产权代理有限公司', 'patent_agency', '230103', '', 'hlj', ['ip']],
  ['hljst', '黑龙江省科学技术厅', 'government', '230100', '', 'hlj', ['ip']],
  ['dqrunze', '大庆润泽化工新材料有限公司', 'enterprise', '230603', '', 'hlj', ['chem', 'materials']],
  ['dqanruida', '大庆安瑞达检测技术有限公司', 'service_agency', '230602', '', 'hlj', ['energy', 'chem', 'env']],
  ['qqhhecheng', '齐齐哈尔鹤城装备制造有限公司', 'enterprise', '230206', '', 'hlj', ['manufacturing']],
  // 北京: 首都科技条件平台 and its bases, domain centres and district workstations
  ['tsinghua', '清华大学', 'university', '110108', '北京市海淀区清华园1号', 'bj-base-tsinghua', ['materials', 'eit', 'manufacturing', 'biomed', 'env', 'energy', 'civil']],
  ['pku', '北京大学', 'university', '110108', '北京市海淀区颐和园路5号', 'bj-base-pku', ['biomed', 'chem', 'eit', 'env']],
  ['buaa', '北京航空航天大学', 'university', '110108', '北京市海淀区学院路37号', 'bj-base-buaa', ['manufacturing', 'materials', 'eit']],
  ['bjut', '北京工业大学', 'university', '110105', '北京市朝阳区平乐园100号', 'bj-base-bjut', ['materials', 'civil', 'env', 'manufacturing']],
  ['iccas', '中国科学院化学研究所', 'institute', '110108', '北京市海淀区中关村北一街2号', 'bj-base-cas', ['chem', 'materials']],
  ['iphy', '中国科学院物理研究所', 'institute', '110108', '北京市海淀区中关村南三街8号', 'bj-base-cas', ['materials', 'eit', 'energy']],
  ['ipe', '中国科学院过程工程研究所', 'institute', '110108', '北京市海淀区中关村北二条1号', 'bj-base-cas', ['chem', 'env', 'energy']],
  ['buct', '北京化工大学', 'university', '110105', '北京市朝阳区北三环东路15号', 'bj-dc-materials', ['chem', 'materials']],
  ['ccmu', '首都医科大学', 'university', '110106', '北京市丰台区右安门外西头条10号', 'bj-dc-biomed', ['biomed']],
  ['bupt', '北京邮电大学', 'university', '110108', '北京市海淀区西土城路10号', 'bj-dc-eit', ['eit']],
  ['bcpca', '北京市理化分析测试中心', 'service_agency', '110108', '北京市海淀区西三环北路27号', 'bj-dc-materials', ['chem', 'materials', 'food', 'env'], 'public'],
  ['nim', '中国计量科学研究院', 'institute', '110105', '北京市朝阳区北三环东路18号', 'bj', ['manufacturing', 'eit']],
  ['bjjingyan', '北京晶研新材料科技有限公司', 'enterprise', '110108', '', 'bj-ws-haidian', ['materials']],
  ['bjxincetong', '北京芯测通科技有限公司', 'enterprise', '110108', '', 'bj-ws-haidian', ['eit'], 'pending'],
  ['bjhuakang', '北京华康源生物医药科技有限公司', 'enterprise', '110114', '', 'bj-ws-changping', ['biomed']],
  ['bjchaoke', '北京朝科环境检测技术有限公司', 'service_agency', '110105', '', 'bj-ws-chaoyang', ['env', 'food']],
  ['bjjingfeng', '北京京丰精密机械有限公司', 'enterprise', '110106', '', 'bj-ws-fengtai', ['manufacturing']],
  ['bjhaizhi', '北京海知专利代理事务所（普通合伙）', 'patent_agency', '110108', '', 'bj-ws-haidian', ['ip']],
  ['bjkw', '北京市科学技术委员会、中关村科技园区管理委员会', 'government', '110100', '', 'bj', ['ip']],
  // 湖北: 中心站 in 武汉, 二级服务站 in 宜昌, 襄阳, 十堰
  ['hust', '华中科技大学', 'university', '420111', '湖北省武汉市洪山区珞喻路1037号', 'hb', ['manufacturing', 'eit', 'biomed', 'materials', 'energy']],
  ['whu', '武汉大学', 'university', '420106', '湖北省武汉市武昌区八一路299号', 'hb', ['chem', 'biomed', 'env', 'civil', 'eit']],
  ['whut', '武汉理工大学', 'university', '420111', '湖北省武汉市洪山区珞狮路122号', 'hb', ['materials', 'civil', 'manufacturing']],
  ['apm', '中国科学院精密测量科学与技术创新研究院', 'institute', '420106', '湖北省武汉市武昌区小洪山西30号', 'hb', ['eit', 'biomed']],
  ['ctgu', '三峡大学', 'university', '420502', '湖北省宜昌市西陵区大学路8号', 'hb-yc', ['civil', 'energy', 'biomed']],
  ['hbuas', '湖北文理学院', 'university', '420602', '湖北省襄阳市襄城区隆中路296号', 'hb-xy', ['manufacturing', 'food', 'chem']],
  ['huat', '湖北汽车工业学院', 'university', '420302', '湖北省十堰市茅箭区车城西路167号', 'hb-sy', ['manufacturing', 'materials']],
  ['hbst', '湖北省科学技术厅', 'government', '420106', '', 'hb', ['ip']],
  ['whbiocity', '武汉光谷生物城检测中心有限公司', 'service_agency', '420111', '', 'hb', ['biomed', 'food', 'chem']],
  ['whguangchi', '武汉光驰激光科技有限公司', 'enterprise', '420111', '', 'hb', ['eit', 'manufacturing']],
  ['ycsanxia', '宜昌三峡精细化工有限公司', 'enterprise', '420505', '', 'hb-yc', ['chem']],
  ['ycxiajiang', '宜昌峡江生物医药科技有限公司', 'enterprise', '420506', '', 'hb-yc', ['biomed'], 'pending'],
  ['xyhanjiang', '襄阳汉江汽车零部件有限公司', 'enterprise', '420606', '', 'hb-xy', ['manufacturing', 'materials']],
  ['xylongzhong', '襄阳隆中检测技术服务有限公司', 'service_agency', '420606', '', 'hb-xy', ['materials', 'manufacturing', 'env']],
  ['sychecheng', '十堰车城精密锻造有限公司', 'enterprise', '420303', '', 'hb-sy', ['manufacturing', 'materials']],
  ['whchuzhi', '湖北楚知知识产权代理有限公司', 'patent_agency', '420106', '', 'hb', ['ip']],
  // 浙江: 杭州, 宁波 city nodes; 温州, 嘉兴, 绍兴 under the province platform
  ['zju', '浙江大学', 'university', '330106', '浙江省杭州市西湖区余杭塘路866号', 'zj-hz', ['materials', 'eit', 'biomed', 'agri', 'chem', 'energy', 'manufacturing']],
  ['zjut', '浙江工业大学', 'university', '330105', '浙江省杭州市拱墅区潮王路18号', 'zj-hz', ['chem', 'manufacturing', 'biomed']],
  ['westlake', '西湖大学', 'university', '330106', '浙江省杭州市西湖区墩余路600号', 'zj-hz', ['biomed', 'materials']],
  ['nimte', '中国科学院宁波材料技术与工程研究所', 'institute', '330211', '浙江省宁波市镇海区中官西路1219号', 'zj-nb', ['materials', 'energy', 'manufacturing']],
  ['nbu', '宁波大学', 'university', '330205', '浙江省宁波市江北区风华路818号', 'zj-nb', ['eit', 'food', 'materials']],
  ['wmu', '温州医科大学', 'university', '330304', '浙江省温州市瓯海区茶山高教园区', 'zj', ['biomed']],
  ['zjxu', '嘉兴学院', 'university', '330402', '浙江省嘉兴市南湖区嘉杭路118号', 'zj', ['materials', 'chem']],
  ['zjst', '浙江省科学技术厅', 'government', '330100', '', 'zj', ['ip']],
  ['nbyongcai', '宁波甬材新材料科技有限公司', 'enterprise', '330206', '', 'zj-nb', ['materials']],
  ['nbhaishu', '宁波海曙精工模具有限公司', 'enterprise', '330203', '', 'zj-nb', ['manufacturing']],
  ['hzxixi', '杭州西溪智能传感科技有限公司', 'enterprise', '330106', '', 'zj-hz', ['eit']],
  ['hzjiangxin', '杭州江芯微电子科技有限公司', 'enterprise', '330108', '', 'zj-hz', ['eit']],
  ['hzqiantang', '杭州钱塘生物医药技术有限公司', 'enterprise', '330114', '', 'zj-hz', ['biomed']],
  ['wzouyue', '温州瓯越电气有限公司', 'enterprise', '330382', '', 'zj', ['energy', 'eit']],
  ['sxyuefang', '绍兴越纺新材料有限公司', 'enterprise', '330603', '', 'zj', ['materials'], 'pending'],
  ['zjzhijiang', '浙江之江检测技术有限公司', 'service_agency', '330110', '', 'zj-hz', ['materials', 'food', 'env', 'eit']],
  ['hzqianchao', '杭州钱潮知识产权代理有限公司', 'patent_agency', '330106', '', 'zj-hz', ['ip']],
  // 重庆
  ['cqu', '重庆大学', 'university', '500106', '重庆市沙坪坝区沙正街174号', 'cq', ['materials', 'manufacturing', 'energy', 'civil', 'eit']],
  ['swu', '西南大学', 'university', '500109', '重庆市北碚区天生路2号', 'cq', ['agri', 'food', 'biomed', 'chem']],
  ['cqmu', '重庆医科大学', 'university', '500103', '重庆市渝中区医学院路1号', 'cq', ['biomed']],
  ['cigit', '中国科学院重庆绿色智能技术研究院', 'institute', '500109', '重庆市北碚区方正大道266号', 'cq', ['eit', 'materials', 'env']],
  ['cqupt', '重庆邮电大学', 'university', '500108', '重庆市南岸区崇文路2号', 'cq', ['eit']],
  ['cqst', '重庆市科学技术局', 'government', '500100', '', 'cq', ['ip']],
  ['cqliangjiang', '重庆两江智造汽车部件有限公司', 'enterprise', '500112', '', 'cq', ['manufacturing', 'materials']],
  ['cqshancheng', '重庆山城检测技术有限公司', 'service_agency', '500107', '', 'cq', ['materials', 'manufacturing', 'env', 'food']],
  ['cqbayu', '重庆巴渝生物科技有限公司', 'enterprise', '500113', '', 'cq', ['biomed', 'food']],
  ['cqyuzhi', '重庆渝知知识产权代理有限公司', 'patent_agency', '500103', '', 'cq', ['ip']],
  ['cqjinyun', '重庆缙云新材料科技有限公司', 'enterprise', '500109', '', 'cq', ['materials', 'chem'], 'pending'],
]

/** Every demo organisation, in a fixed order. */
export const ORG_SEEDS: readonly TOrgSeed[] = ROWS.map(([slug, name, kind, region, address, node, fields, flag]) => ({
  slug,
  name,
  kind,
  region,
  address,
  node,
  fields,
  ...(flag === 'public' ? { isPublicInstitution: true } : {}),
  ...(flag === 'pending' ? { isPending: true } : {}),
}))
