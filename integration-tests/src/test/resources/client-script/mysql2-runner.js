// Runs the shared client script (steps.json) with node mysql2 on one connection and prints one JSON line per
// step: {"step": n, "rows": [[...]]} or {"step": n, "affectedRows": n} or {"step": n, "error": "..."}.
// The Java side (NodeMysql2ScriptTest) compares them with the expectations.
// usage: node mysql2-runner.js STEPS_JSON HOST PORT USER PASSWORD DATABASE query|execute
'use strict';
const fs = require('fs');
const mysql = require('mysql2/promise');

const [stepsFile, host, port, user, password, database, mode] = process.argv.slice(2);

function text(v) {
  if (v === null || v === undefined) return null;
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  return String(v);
}

async function main() {
  const script = JSON.parse(fs.readFileSync(stepsFile, 'utf8'));
  const conn = await mysql.createConnection({
    host, port: Number(port), user, password: password || undefined,
    rowsAsArray: true, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true,
  });
  await conn.query('CREATE DATABASE ' + database);
  await conn.query('USE ' + database);
  let n = 0;
  for (const step of script.steps) {
    n++;
    try {
      const [result, fields] = mode === 'execute' ? await conn.execute(step.sql) : await conn.query(step.sql);
      let rows = result;
      let multi = Array.isArray(fields) && fields.length > 0 && Array.isArray(fields[0]);
      if (multi) rows = result[0];
      if (Array.isArray(rows)) {
        console.log(JSON.stringify({ step: n, rows: rows.map(r => r.map(text)) }));
      } else {
        console.log(JSON.stringify({ step: n, affectedRows: rows.affectedRows, serverStatus: rows.serverStatus,
          warningStatus: rows.warningStatus }));
      }
    } catch (e) {
      console.log(JSON.stringify({ step: n, error: (e.errno || '') + ' ' + e.message }));
    }
  }
  await conn.end();
}

main().catch(e => { console.error(e); process.exit(2); });
