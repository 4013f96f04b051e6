import { ColumnMap, fieldNames } from '../../../../src/evidence/parsers/iis-log/fields';
import { DEFAULT_LAYOUT, ROLE, layoutFromFields } from '../../../../src/evidence/parsers/iis-log/layouts';
import { RowFields, keptRow, toObservation } from '../../../../src/evidence/parsers/iis-log/row';
import { TimeWindow } from '../../../../src/evidence/parsers/iis-log/window';

const ROW = '2026-11-20 10:15:01 10.0.0.4 GET /api/report - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120015';

describe('RowFields', () => {
  it('finds the fields of the default layout in place and reads them', () => {
    const fields = new RowFields();
    expect(fields.scan(ROW, 0, ROW.length, DEFAULT_LAYOUT.roles)).toBe(DEFAULT_LAYOUT.fieldCount);
    expect(fields.status(ROW, DEFAULT_LAYOUT)).toBe(502);
    expect(fields.number(ROW, ROLE.substatus)).toBe(3);
    expect(fields.number(ROW, ROLE.win32)).toBe(12002);
    expect(fields.number(ROW, ROLE.timeTaken)).toBe(120015);
    expect(fields.text(ROW, ROLE.url)).toBe('/api/report');
    expect(fields.text(ROW, ROLE.method)).toBe('GET');
  });

  it('reads a row inside a larger buffer without cutting it out', () => {
    const buffer = `junk\n${ROW}\nmore`;
    const fields = new RowFields();
    fields.scan(buffer, 5, 5 + ROW.length, DEFAULT_LAYOUT.roles);
    expect(fields.status(buffer, DEFAULT_LAYOUT)).toBe(502);
    expect(fields.text(buffer, ROLE.date)).toBe('2026-11-20');
  });

  it('says -1 for an unreadable status and nothing for a `-` field', () => {
    const fields = new RowFields();
    const row = ROW.replace(' 502 ', ' 5x2 ').replace('/api/report', '-');
    fields.scan(row, 0, row.length, DEFAULT_LAYOUT.roles);
    expect(fields.status(row, DEFAULT_LAYOUT)).toBe(-1);
    expect(fields.text(row, ROLE.url)).toBeUndefined();
  });

  it('turns a kept row into a typed record and an observation', () => {
    const fields = new RowFields();
    fields.scan(ROW, 0, ROW.length, DEFAULT_LAYOUT.roles);
    const row = keptRow(fields, ROW, 0, ROW.length, { status: 502, substatus: 3, win32: 12002, timeTaken: 120015 }, { lineNo: 9, source: 'u_ex.log' }, (t) => t.replace('report', 'r*'));
    expect(row).toEqual({
      status: 502,
      substatus: 3,
      win32: 12002,
      timeTakenMs: 120015,
      method: 'GET',
      url: '/api/r*',
      time: '2026-11-20 10:15:01',
      ref: { source: 'u_ex.log', line: 9, text: ROW.replace('report', 'r*') },
    });
    expect(toObservation(row)).toEqual({ status: 502, substatus: 3, win32: 12002, timeTakenMs: 120015, url: '/api/r*', origin: 'iis-log', ref: row.ref });
  });
});

describe('ColumnMap', () => {
  it('reads the names of a #Fields directive and nothing from other directives', () => {
    expect(fieldNames('#Fields: date time sc-status')).toEqual(['date', 'time', 'sc-status']);
    expect(fieldNames('#Fields:')).toEqual([]);
    expect(fieldNames('#Software: Microsoft Internet Information Services 10.0')).toBeUndefined();
  });

  it('follows a declared layout, and goes back to the default for a new input', () => {
    const columns = new ColumnMap();
    columns.declare(['date', 'time', 'sc-status'], 4);
    expect(columns.declared).toBe(true);
    expect(columns.layout).toEqual(layoutFromFields(['date', 'time', 'sc-status'], 'fields', 4));
    columns.reset();
    expect(columns.declared).toBe(false);
    expect(columns.layout).toBe(DEFAULT_LAYOUT);
  });

  it('finds a headerless layout for a row that does not fit the default, and remembers it', () => {
    const columns = new ColumnMap();
    const fields = new RowFields();
    const row = '2026-11-20 10:15:01 GET /api - 502 3 12002 900';
    const count = fields.scan(row, 0, row.length, DEFAULT_LAYOUT.roles);
    const layout = columns.refit(fields, row, 0, row.length, count);
    expect(layout?.origin).toBe('guess');
    expect(columns.refit(fields, row, 0, row.length, count)).toBe(layout);
  });
});

describe('TimeWindow', () => {
  it('spans the first and last rows of every input, in time order', () => {
    const window = new TimeWindow();
    const fields = new RowFields();
    const note = (row: string): void => {
      fields.scan(row, 0, row.length, DEFAULT_LAYOUT.roles);
      window.note(row, fields);
    };
    note(ROW.replace('10:15:01', '10:20:00'));
    note(ROW.replace('10:15:01', '10:25:00'));
    window.fold();
    note(ROW.replace('10:15:01', '09:00:00'));
    expect(window.current()).toEqual({ first: '2026-11-20 09:00:00', last: '2026-11-20 10:25:00' });
  });
});
