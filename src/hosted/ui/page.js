// The hosted verification page: no build step, no dependency. It reads the flow of the token in its
// URL (/verify/<token>) and posts the outcome the tester picks; the server answers where to go next.
const token = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');
const $ = (id) => document.getElementById(id);

// The groups the outcomes are shown in, by their results.json `stage`.
const GROUPS = [
  { stage: 'pass', title: '通过', en: 'Pass' },
  { stage: 'liveness', title: '活体检测失败', en: 'Liveness check fails' },
  { stage: 'compare', title: '人脸比对不一致', en: 'The face does not match' },
  { stage: 'cancel', title: '用户取消', en: 'The user cancels' },
  { stage: 'expire', title: '用户未完成', en: 'The user never finishes (the token expires)' },
];

function say(text, kind = 'info') {
  $('message').textContent = text;
  $('message').dataset.kind = kind;
}

async function choose(code, buttons) {
  for (const b of buttons) b.disabled = true;
  const res = await fetch(`${encodeURIComponent(token)}/outcome`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ outcome: code }),
  });
  const body = await res.json();
  if (!res.ok) {
    say(body.error, 'error');
    return;
  }
  if (body.redirect) {
    say(`已完成 (${body.outcome})，正在返回… Finished, returning to the app…`);
    location.assign(body.redirect);
  } else if (body.stage === 'expire') {
    say(`用户离开了页面。Token 于 ${body.expiresAt} 过期后，结果为 ${body.outcome}。 The user walked away: after ${body.expiresAt} the result is ${body.outcome}.`);
  } else {
    say(`已完成 (${body.outcome})：没有 RedirectUrl。 Finished with ${body.outcome}; the flow has no RedirectUrl to return to.`);
  }
}

async function main() {
  const res = await fetch(`${encodeURIComponent(token)}/flow`);
  const flow = await res.json();
  if (!res.ok) {
    say(flow.error, 'error');
    return;
  }
  $('name').textContent = flow.person.name;
  $('id-number').textContent = flow.person.idNum;
  $('expires').textContent = flow.expiresAt;
  $('source').textContent = flow.readFromCard ? '证件信息由页面识别 (OCR). The page read the ID card.' : '证件信息由 DetectAuth 传入. Name and ID number as DetectAuth gave them.';
  $('person').hidden = false;
  if (flow.state === 'expired') return say(`Token 已过期 (${flow.expiresAt})。 The token has expired.`, 'error');
  if (flow.state === 'finished') return say(`本次核身已完成，结果 ${flow.outcome}。 This verification is finished (${flow.outcome}).`);
  const buttons = [];
  for (const group of GROUPS) {
    const outcomes = flow.outcomes.filter((o) => o.stage === group.stage);
    if (outcomes.length === 0) continue;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = `${group.title} · ${group.en}`;
    fieldset.append(legend);
    for (const o of outcomes) {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.outcome = o.code;
      b.dataset.stage = o.stage;
      const code = document.createElement('span');
      code.className = 'code';
      code.textContent = o.code;
      const text = document.createElement('span');
      text.textContent = `${o.zh} · ${o.en}`;
      b.append(code, text);
      b.addEventListener('click', () => choose(o.code, buttons));
      buttons.push(b);
      fieldset.append(b);
    }
    $('choices').append(fieldset);
  }
  $('choices').hidden = false;
}

main().catch((e) => say(String(e), 'error'));
