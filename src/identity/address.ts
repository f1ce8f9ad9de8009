// 住址 as printed on the card: full province/city/district names (a repeated level is
// printed once: 北京市东城区…, 广东省东莞市…), then either an urban street address
// or, mostly in counties, a real 镇/乡 plus a village and house number.
import type { Division } from './divisions.ts';
import type { Random } from './random.ts';
import { townsOf } from './towns.ts';

const ROAD_STEMS = (
  '人民 解放 中山 建设 和平 新华 胜利 文化 长江 黄河 朝阳 青年 幸福 光明 东风 建国 复兴 迎宾 花园 团结 友谊 振兴 民主 五一 八一 红旗 府前 ' +
  '学府 滨河 滨江 工业 科技 体育 健康 公园 东方 金融 世纪 星光 育才 园林 新城 站前 湖滨 沿江 环城 银河 锦绣 凤凰 桃园 书院 财富 创业 兴业'
).split(' ');
const DIRECTIONS = ['', '', '', '', '东', '西', '南', '北', '中'];
const ROAD_SUFFIX = [
  { value: '路', weight: 6 },
  { value: '街', weight: 2 },
  { value: '大道', weight: 1 },
  { value: '大街', weight: 1 },
];
const ESTATE_STEMS = ['阳光', '锦绣', '金色', '碧桂', '幸福', '绿城', '翠苑', '华府', '御景', '丽景', '明珠', '和谐',
  '紫荆', '枫林', '春天', '名都', '海天', '星河', '怡景', '书香', '滨江', '万家', '龙湖', '金桥'];
const ESTATE_SUFFIX = ['花园', '小区', '家园', '新村', '佳苑', '公寓', '名苑'];
const VILLAGE_SURNAMES = Array.from('王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁宋谢韩唐冯');
const VILLAGE_KIN = Array.from('家庄营屯湾寨坪岗集店');
const VILLAGE_PREFIX = Array.from('东西南北前后大小上下新');
const VILLAGE_CORE = [...VILLAGE_SURNAMES, ...Array.from('河桥庙堡')];
const VILLAGE_NAMES = ['前进', '红星', '东风', '新民', '团结', '光明', '和平', '胜利', '幸福', '建设', '永安', '太平',
  '石桥', '桥头', '河东', '河西', '杨柳', '柳林', '青山', '白马', '龙泉', '双河', '三星', '五里', '红旗', '兴隆'];

/** Province + city + district, printing a level only when it differs from the one above. */
function addressPrefix(d: Division): string {
  let prefix = d.province;
  if (d.city !== d.province) prefix += d.city;
  if (d.district !== d.city) prefix += d.district;
  return prefix;
}

function road(random: Random): string {
  return random.pick(ROAD_STEMS) + random.pick(DIRECTIONS) + random.weighted(ROAD_SUFFIX);
}

function urban(random: Random): string {
  const building = random.int(1, 30);
  const room = random.int(1, 28) * 100 + random.int(1, 6);
  switch (random.int(0, 3)) {
    case 0:
      return `${road(random)}${random.int(1, 399)}号`;
    case 1:
      return `${road(random)}${random.int(1, 299)}号${building}栋${random.int(1, 4)}单元${room}室`;
    case 2:
      return `${road(random)}${random.int(1, 199)}号院${building}号楼${room}号`;
    default:
      return `${random.pick(ESTATE_STEMS)}${random.pick(ESTATE_SUFFIX)}${building}幢${room}室`;
  }
}

function village(random: Random): string {
  switch (random.int(0, 2)) {
    case 0:
      return random.pick(VILLAGE_SURNAMES) + random.pick(VILLAGE_KIN) + '村';
    case 1:
      return random.pick(VILLAGE_PREFIX) + random.pick(VILLAGE_CORE) + '村';
    default:
      return random.pick(VILLAGE_NAMES) + '村';
  }
}

/** A realistic residential address inside the division. */
export function addressFor(random: Random, d: Division): string {
  const towns = townsOf(d.code);
  // Urban districts (区) are mostly street addresses; counties are mostly villages.
  const ruralShare = d.district.endsWith('区') ? 0.15 : 0.55;
  if (towns.length > 0 && random.next() < ruralShare) {
    const group = random.next() < 0.5 ? `${random.int(1, 12)}组` : '';
    return `${addressPrefix(d)}${random.pick(towns)}${village(random)}${group}${random.int(1, 199)}号`;
  }
  return addressPrefix(d) + urban(random);
}
