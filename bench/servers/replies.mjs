// The fixed answers of the reference servers: shaped like a successful IDCardOCR (Tencent) and
// RecognizeIdCard (Huawei) answer, with the sizes of the emulator's, so the bytes written are comparable.

export const tencentReply = {
  Response: {
    Name: '李明', Sex: '男', Nation: '汉', Birth: '1987/1/1',
    Address: '广东省深圳市南山区粤海街道科技园路1号', IdNum: '440305198701011234',
    Authority: '深圳市公安局南山分局', ValidDate: '2015.08.01-2035.08.01',
    AdvancedInfo: '{}', ReflectDetailInfos: [],
    RequestId: '3c140219-cfe9-470e-b241-907877d6fb03',
  },
};

export const huaweiReply = {
  result: {
    name: '李明', sex: '男', birth: '1987-01-01', ethnicity: '汉',
    address: '广东省深圳市南山区粤海街道科技园路1号', number: '440305198701011234',
  },
};

/** The reply for a path: Huawei's for its OCR path, Tencent's for everything else. */
export const replyFor = (path) => (path.startsWith('/v2/') ? huaweiReply : tencentReply);

/** `--port N` (0 by default: any free port). */
export function portFromArgs(argv) {
  const at = argv.indexOf('--port');
  return at >= 0 ? Number(argv[at + 1]) : 0;
}

/** The line the benchmark waits for, as the emulator prints it. */
export function announce(name, server) {
  const { port } = server.address();
  console.log(`${name} listening on http://127.0.0.1:${port}`);
}
