import cause from '../../src/causes/stack-overflow';
import { runCauseTests } from '../helpers/cause-tester';
import { applicationError, dotnetRuntime1026, events, iisLog, iisRow, was5009 } from './support/windows-evidence';

runCauseTests(cause, {
  valid: [
    {
      name: 'an access violation is a native crash',
      evidence: { 'application-events.txt': events(applicationError('0xc0000005', 'ntdll.dll')) },
    },
    {
      name: 'a managed exception is the unhandled-exception cause',
      evidence: { 'application-events.txt': events(dotnetRuntime1026('w3wp.exe', ['Exception Info: System.NullReferenceException: Object reference not set to an instance of an object.'])) },
    },
    {
      name: 'a worker that exited with the CLR exception code did not overflow its stack',
      evidence: { 'system-events.txt': events(was5009('ShopPool', 4242, '0xe0434352')) },
    },
  ],
  invalid: [
    {
      name: 'Application Error 1000 with 0xc00000fd in coreclr.dll (dotnet/aspnetcore#54645)',
      evidence: { 'application-events.txt': events(applicationError('0xc00000fd', 'coreclr.dll')) },
      minConfidence: 0.8,
      evidenceLines: [4],
      mentions: ['coreclr.dll', 'in w3wp.exe', 'procdump -accepteula -ma -e 1 -f C00000FD', 'ReferenceHandler.IgnoreCycles'],
    },
    {
      name: 'stdout "Stack overflow." with repeated frames, plus 502.3 resets',
      evidence: {
        'stdout_20261120101501_4242.log': [
          'Stack overflow.',
          'Repeat 12063 times:',
          '--------------------------------',
          '   at Shop.Models.Category.get_Path()',
          '--------------------------------',
          '   at Shop.Controllers.CategoryController.Index(Int32)',
        ].join('\n'),
        'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/category/7', 502, 3, 12030, 432)]),
      },
      minConfidence: 0.85,
      evidenceLines: ['stdout_20261120101501_4242.log:1'],
      mentions: ['Repeat N times:'],
    },
    {
      name: 'WAS 5009 exit code 0x800703e9 (ERROR_STACK_OVERFLOW)',
      evidence: { 'system-events.txt': events(was5009('ShopPool', 4242, '0x800703e9')) },
      minConfidence: 0.6,
      maxConfidence: 0.79,
      evidenceLines: [4],
      mentions: ['Turn on stdout logging'],
    },
  ],
  messy: {
    valid: [
      {
        // Access violation (kb-facts §5.2: 0xc0000005) in a Japanese message: a native crash, not a stack overflow.
        name: 'a Japanese report around an access violation',
        form: 'other language',
        evidence: { 'message.txt': 'w3wp.exe が落ちます。イベントログ: Faulting module name: ntdll.dll, Exception code: 0xc0000005 です。' },
      },
      {
        // Newtonsoft serializing a real nested graph: the same frames a few levels deep, then an
        // ordinary exception. Nested, not runaway (src/evidence/recursion.ts needs five repeats).
        name: 'a serializer exception three levels into a nested object graph',
        form: 'header-less',
        evidence: {
          'app.log': [
            'Newtonsoft.Json.JsonSerializationException: Error getting value from \'Owner\' on \'Shop.Models.Order\'.',
            ...Array.from({ length: 3 }, () => [
              '   at Newtonsoft.Json.Serialization.JsonSerializerInternalWriter.SerializeObject(JsonWriter writer, Object value, JsonObjectContract contract)',
              '   at Newtonsoft.Json.Serialization.JsonSerializerInternalWriter.SerializeValue(JsonWriter writer, Object value, JsonContract valueContract)',
              '   at Newtonsoft.Json.Serialization.JsonSerializerInternalWriter.SerializeList(JsonWriter writer, IEnumerable values, JsonArrayContract contract)',
            ]).flat(),
            '   at Shop.Controllers.OrdersController.Get(Int32 id) in C:\\src\\Shop\\Controllers\\OrdersController.cs:line 31',
          ].join('\n'),
        },
      },
    ],
    invalid: [
      {
        // Application Error 1000 with STATUS_STACK_OVERFLOW (kb-facts §5.2) without its header.
        name: 'the faulting-application lines with 0xc00000fd and no header',
        form: 'header-less',
        evidence: {
          'event.txt': [
            'Faulting application name: w3wp.exe, version: 10.0.20348.1, time stamp: 0x1a2b3c4d',
            'Faulting module name: coreclr.dll, version: 8.0.824.36612, time stamp: 0x66cd2a97',
            'Exception code: 0xc00000fd',
            'Fault offset: 0x00000000001b2c3f',
          ].join('\n'),
        },
      },
      {
        // The same event retold from memory.
        name: 'a retold stack overflow with its exception code',
        form: 'paraphrased',
        evidence: { 'message.txt': 'the worker process just vanishes under load, event viewer says stack overflow, exception code 0xc00000fd in coreclr.dll, and nginx in front logs 502s' },
      },
      {
        // The runtime's "Stack overflow." output with repeated frames (kb-facts §7) in stdout, the frame line wrapped by the terminal.
        name: 'stdout "Stack overflow." with a wrapped repeated frame',
        form: 'split over lines',
        evidence: {
          'stdout.log': [
            'Stack overflow.',
            'Repeat 24101 times:',
            '--------------------------------',
            '   at Contoso.Api.Services.CategoryTree.Walk(Contoso.Api.Models.Category,',
            '      System.Collections.Generic.List`1<Contoso.Api.Models.Category>)',
            '--------------------------------',
          ].join('\n'),
        },
      },
      {
        // The Visual Studio Call Stack window copied at the crash (dotnet/aspnetcore#6616 shows the
        // layout: `Module.dll!Type.Method(args) Line N  C#`); .NET Core 2.x printed nothing itself.
        name: "a debugger's call stack whose frames repeat, in a sentence about the crash",
        form: 'in prose',
        evidence: {
          'message.txt': [
            'Since 2.2 the app dies on this POST and IIS answers 502. Here is the callstack from VS:',
            ...Array.from({ length: 6 }, (_, i) => [
              `${i === 0 ? '>' : ' '}\tShop.Api.dll!Shop.Api.Models.Category.get_Path() Line 40\tC#`,
              ' \tShop.Api.dll!Shop.Api.Models.Category.get_Parent() Line 28\tC#',
            ]).flat(),
            ' \t[External Code]',
          ].join('\n'),
        },
      },
      {
        // WAS 5009 (kb-facts §5.1) retold with ERROR_STACK_OVERFLOW as its exit code (kb-facts §3.3: 0x800703E9).
        name: 'a 5009 retold with the ERROR_STACK_OVERFLOW exit code',
        form: 'in prose',
        evidence: { 'message.txt': "the pool died with exit code 0x800703e9 in WAS 5009, rapid fail hasn't kicked in yet but the 502s line up with it" },
      },
    ],
  },
});
