import { SIGNATURES } from '../../../src/evidence/signatures/dotnet-runtime';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import type { Signature } from '../../../src/evidence/signatures/types';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('dotnet-runtime', SIGNATURES);

const ref = () => ({ source: 'paste', line: 1, text: '' });

/** The clue and value one line gives, scanned by the whole file. */
function hit(line: string, clue: string): { value?: string } | undefined {
  return new SignatureScanner(SIGNATURES).scan(line, ref).find((h) => h.clue === clue);
}

describe('dotnet-runtime: each signature earns its place', () => {
  it.each(SIGNATURES.map((s, i) => [i, s.clue, s] as [number, string, Signature]))('#%i %s matches its own examples alone, and its value pattern finds a value', (_i, _clue, s) => {
    const alone = new SignatureScanner([s]);
    const values: string[] = [];
    for (const example of s.examples.match) {
      const hits = alone.scan(example, ref);
      expect({ example, matched: hits.length }).toEqual({ example, matched: 1 });
      if (hits[0]?.value !== undefined) values.push(hits[0].value);
    }
    if (s.value) expect(values.length).toBeGreaterThan(0);
  });
});

describe('dotnet-runtime: values', () => {
  it('takes the exception type of an unhandled exception, old and new wording', () => {
    expect(hit('Unhandled exception. System.IO.IOException: Failed to bind to address http://127.0.0.1:5000: address already in use.', 'dotnet.unhandled-exception')?.value).toBe('System.IO.IOException');
    expect(hit('Unhandled Exception: System.AggregateException: One or more errors occurred.', 'dotnet.unhandled-exception')?.value).toBe('System.AggregateException');
    expect(hit('Unhandled exception. Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed', 'dotnet.unhandled-exception')?.value).toBe('Microsoft.Data.SqlClient.SqlException');
  });

  it('takes the framework exception type, not a namespace that merely contains Exception', () => {
    expect(hit(' ---> System.Net.Sockets.SocketException (10061): No connection could be made', 'dotnet.exception')?.value).toBe('System.Net.Sockets.SocketException');
    expect(hit('System.Exception: boom', 'dotnet.exception')?.value).toBe('System.Exception');
    expect(hit('fail: Shop[0] System.InvalidOperationException: Sequence contains no elements', 'dotnet.exception')?.value).toBe('System.InvalidOperationException');
  });

  it('takes the faulting application and module from Application Error 1000, even run together', () => {
    expect(hit('Faulting application name: w3wp.exe, version: 10.0.20348.1, time stamp: 0x405e4c14', 'dotnet.faulting-app')?.value).toBe('w3wp.exe');
    expect(hit('Faulting module name: coreclr.dll, version: 8.0.324.11423, time stamp: 0x65cd500d', 'dotnet.faulting-app')?.value).toBe('coreclr.dll');
    const together = 'Faulting application name: dotnet.exe, version: 8.0.324.11423, time stamp: 0x65cd500d Faulting module name: coreclr.dll, version: 8.0.324.11423';
    expect(hit(together, 'dotnet.faulting-app')?.value).toBe('dotnet.exe');
  });

  it('reads a header-less .NET Runtime 1026 event pasted on one line', () => {
    const line =
      'Application: w3wp.exe CoreCLR Version: 8.0.324.11423 .NET Version: 8.0.3 Description: The process was terminated due to an unhandled exception. Exception Info: System.InvalidOperationException: Unable to resolve service for type';
    const clues = new SignatureScanner(SIGNATURES).scan(line, ref).map((h) => h.clue);
    expect(clues).toEqual(expect.arrayContaining(['dotnet.crash-event', 'dotnet.unhandled-exception', 'dotnet.exception', 'dotnet.di-failure']));
    expect(hit(line, 'dotnet.crash-event')?.value).toBe('w3wp.exe');
    expect(hit('Exception Info: exception code c0000005, exception address 00007FFD4F3B1A2C', 'dotnet.crash-event')?.value).toBe('exception code c0000005');
  });

  it('takes the missing framework, the missing file, the missing service and the bad setting', () => {
    expect(hit("The framework 'Microsoft.AspNetCore.App', version '8.0.0' (x64) was not found.", 'dotnet.framework-missing')?.value).toBe('Microsoft.AspNetCore.App');
    expect(hit("The configuration file 'appsettings.json' was not found and is not optional.", 'dotnet.config-file-missing')?.value).toBe('appsettings.json');
    expect(hit("Unable to resolve service for type 'Shop.Data.IOrderRepository' while attempting to activate 'Shop.Controllers.OrdersController'.", 'dotnet.di-failure')?.value).toBe('Shop.Data.IOrderRepository');
    expect(hit("Failed to convert configuration value at 'Smtp:Port' to type 'System.Int32'.", 'dotnet.config-error')?.value).toBe('Smtp:Port');
    expect(hit("System.IO.FileNotFoundException: Could not load file or assembly 'Newtonsoft.Json, Version=13.0.0.0'.", 'dotnet.assembly-load-failed')?.value).toBe('Newtonsoft.Json');
  });
});

describe('dotnet-runtime: near misses', () => {
  const quiet: [string, string][] = [
    ['Application started. Press Ctrl+C to shut down.', 'dotnet.unhandled-exception'],
    ['at System.Runtime.CompilerServices.TaskAwaiter`1.GetResult()', 'dotnet.blocking-wait'],
    ['   at Shop.Controllers.OrdersController.Get(Int32 id) in C:\\src\\Shop\\Controllers\\OrdersController.cs:line 31', 'dotnet.exception'],
    ['We asked on Stack Overflow. Nobody answered.', 'dotnet.stack-overflow'],
    ['the request was cancelled by the client', 'dotnet.task-canceled'],
  ];
  it.each(quiet)('%s raises no %s', (line, clue) => {
    expect(hit(line, clue)).toBeUndefined();
  });
});
