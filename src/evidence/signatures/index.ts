/**
 * The signature catalogue: every product's signatures together, and the one scanner that runs
 * them on every line. Adding a product is one new file here plus its test.
 */
import { SignatureScanner, type ScannerTable } from './scanner';
import type { Signature } from './types';
import { SIGNATURES as ancm } from './ancm';
import { SIGNATURES as appService } from './app-service';
import { SIGNATURES as awsAlb } from './aws-alb';
import { SIGNATURES as azureGateways } from './azure-gateways';
import { SIGNATURES as cloudflare } from './cloudflare';
import { SIGNATURES as containers } from './containers';
import { SIGNATURES as dotnetRuntime } from './dotnet-runtime';
import { SIGNATURES as envoy } from './envoy';
import { SIGNATURES as haproxy } from './haproxy';
import { SIGNATURES as iis } from './iis';
import { SIGNATURES as kestrelHosting } from './kestrel-hosting';
import { SIGNATURES as narrative } from './narrative';
import { SIGNATURES as netHttp } from './net-http';
import { SIGNATURES as nginx } from './nginx';
import { SIGNATURES as ocelot } from './ocelot';
import { SIGNATURES as sql } from './sql';
import { SIGNATURES as stackexchangeRedis } from './stackexchange-redis';
import { SIGNATURES as systemd } from './systemd';
import { SIGNATURES as tls } from './tls';
import { SIGNATURES as traefik } from './traefik';
import { SIGNATURES as was } from './was';
import { SIGNATURES as winsockLocalized } from './winsock-localized';
import { SIGNATURES as yarp } from './yarp';

/** Each product's signatures, by the file that holds them. */
export const CATALOGUE: Readonly<Record<string, readonly Signature[]>> = {
  ancm,
  'app-service': appService,
  'aws-alb': awsAlb,
  'azure-gateways': azureGateways,
  cloudflare,
  containers,
  'dotnet-runtime': dotnetRuntime,
  envoy,
  haproxy,
  iis,
  'kestrel-hosting': kestrelHosting,
  narrative,
  'net-http': netHttp,
  nginx,
  ocelot,
  sql,
  'stackexchange-redis': stackexchangeRedis,
  systemd,
  tls,
  traefik,
  was,
  'winsock-localized': winsockLocalized,
  yarp,
};

export const ALL_SIGNATURES: readonly Signature[] = Object.values(CATALOGUE).flat();

let scanner: SignatureScanner | undefined;

/**
 * The scanner table of ALL_SIGNATURES, worked out when the CLI bundle was built: scripts/bundle.js
 * defines this name as the table itself. Elsewhere (tsc's output, the tests) it is not defined and
 * the scanner works the table out at first use.
 */
declare const DIAG502_SCANNER_TABLE: ScannerTable | undefined;

/** The scanner over the whole catalogue, built on first use (the console and CLI start without it). */
export function signatureScanner(): SignatureScanner {
  scanner ??= new SignatureScanner(ALL_SIGNATURES, typeof DIAG502_SCANNER_TABLE === 'undefined' ? undefined : DIAG502_SCANNER_TABLE);
  return scanner;
}

/** Scanners over the catalogue plus one set of house signatures, built once per set. */
const withHouse = new WeakMap<readonly Signature[], SignatureScanner>();

/**
 * The scanner for a diagnosis: the catalogue's alone when no house rules are loaded (so nothing
 * changes for anyone without them), else the catalogue followed by the team's signatures.
 */
export function scannerWith(house: readonly Signature[] | undefined): SignatureScanner {
  if (!house || house.length === 0) return signatureScanner();
  let built = withHouse.get(house);
  if (!built) {
    built = new SignatureScanner([...ALL_SIGNATURES, ...house]);
    withHouse.set(house, built);
  }
  return built;
}
