// Run RP2040 firmware in the rp2040js emulator.
//
//   node run.mjs FIRMWARE.elf [--timeout-s N] [--end PREFIX] [--watch-pin N]... [--verbose]
//
// Loads the ELF's loadable segments, starts the core without the boot ROM
// (the npm package ships none): VTOR at the application's vector table
// after boot2, SP and PC taken from it. Streams UART0 to stdout, counts the
// transitions of the watched GPIO pins, and ends on the first UART line
// that starts with PREFIX (default `emberpy-summary:`), on a breakpoint
// (the firmware's panic handler) or after N seconds of wall time. Then it
// prints one `harness:` line per watched pin, one for the ADC and one for
// the ending; the exit status is 0 only when the end line was seen.
//
// The temperature sensor (ADC channel 4) reads a deterministic sequence
// around 27 °C, which the harness feeds the emulated ADC; the `harness:
// adc` line counts the conversions.
//
// rp2040js 1.4.1 logs SEV but does not set the event register, so a WFE
// after the core's own SEV (embassy's executor wakes itself that way)
// would sleep until the next interrupt: the harness's logger sets the
// register when the core reports a SEV. Other emulator messages (writes to
// peripherals it does not model) go to stderr with `--verbose`.
import { readFileSync } from 'node:fs';
import { RP2040 } from 'rp2040js';

const FLASH_START = 0x10000000;
const FLASH_SIZE = 16 * 1024 * 1024;
const SRAM_START = 0x20000000;
const SRAM_SIZE = 264 * 1024;
const VECTOR_TABLE = FLASH_START + 0x100;
const CYCLE_NANOS = 1e9 / 125e6;
// 12-bit readings of the temperature sensor: 876 is 0.706 V, 27 °C; each
// step down is about half a degree warmer.
const TEMPERATURE_READINGS = [876, 875, 874, 873, 874, 875];
const TEMPERATURE_CHANNEL = 4;

function parseArgs(argv) {
  const options = { elf: null, timeoutS: 600, end: 'emberpy-summary:', pins: [], verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--timeout-s') options.timeoutS = Number(argv[++i]);
    else if (arg === '--end') options.end = argv[++i];
    else if (arg === '--watch-pin') options.pins.push(Number(argv[++i]));
    else if (arg === '--verbose') options.verbose = true;
    else if (options.elf === null) options.elf = arg;
    else throw new Error(`unexpected argument ${arg}`);
  }
  if (options.elf === null) throw new Error('usage: node run.mjs FIRMWARE.elf [--timeout-s N] [--end PREFIX] [--watch-pin N]... [--verbose]');
  return options;
}

// Copy every PT_LOAD segment of a 32-bit little-endian ELF to its load
// address, in flash or in SRAM.
function loadElf(rp2040, image) {
  const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
  if (view.getUint32(0, false) !== 0x7f454c46 || image[4] !== 1 || image[5] !== 1) {
    throw new Error('not a 32-bit little-endian ELF file');
  }
  const phoff = view.getUint32(0x1c, true);
  const phentsize = view.getUint16(0x2a, true);
  const phnum = view.getUint16(0x2c, true);
  for (let i = 0; i < phnum; i++) {
    const ph = phoff + i * phentsize;
    const type = view.getUint32(ph, true);
    const offset = view.getUint32(ph + 4, true);
    const paddr = view.getUint32(ph + 12, true);
    const filesz = view.getUint32(ph + 16, true);
    if (type !== 1 || filesz === 0) continue;
    const bytes = image.subarray(offset, offset + filesz);
    if (paddr >= FLASH_START && paddr + filesz <= FLASH_START + FLASH_SIZE) {
      rp2040.flash.set(bytes, paddr - FLASH_START);
    } else if (paddr >= SRAM_START && paddr + filesz <= SRAM_START + SRAM_SIZE) {
      rp2040.sram.set(bytes, paddr - SRAM_START);
    } else {
      throw new Error(`segment at 0x${paddr.toString(16)} is outside flash and SRAM`);
    }
  }
}

const options = parseArgs(process.argv.slice(2));
const rp2040 = new RP2040();
const log = (level) => (component, message) => {
  if (options.verbose) process.stderr.write(`[${level} ${component}] ${message}\n`);
};
rp2040.logger = {
  debug: log('debug'),
  warn: log('warn'),
  error: log('error'),
  info: (component, message) => {
    if (message === 'SEV') rp2040.core.eventRegistered = true;
    else log('info')(component, message);
  },
};
loadElf(rp2040, readFileSync(options.elf));
rp2040.core.VTOR = VECTOR_TABLE;
rp2040.core.SP = rp2040.readUint32(VECTOR_TABLE);
rp2040.core.PC = rp2040.readUint32(VECTOR_TABLE + 4) & ~1;

const toggles = new Map(options.pins.map((pin) => [pin, 0]));
for (const pin of options.pins) {
  rp2040.gpio[pin].addListener((state, old) => {
    // GPIOPinState: 0 low, 1 high, larger values are input states.
    if (state <= 1 && old <= 1 && state !== old) toggles.set(pin, toggles.get(pin) + 1);
  });
}

let temperatureReads = 0;
const convert = rp2040.adc.onADCRead;
rp2040.adc.onADCRead = (channel) => {
  if (channel === TEMPERATURE_CHANNEL) {
    rp2040.adc.channelValues[channel] = TEMPERATURE_READINGS[temperatureReads % TEMPERATURE_READINGS.length];
    temperatureReads++;
  }
  convert(channel);
};

let ending = null;
let line = '';
rp2040.uart[0].onByte = (byte) => {
  const ch = String.fromCharCode(byte);
  process.stdout.write(ch);
  if (ch === '\n') {
    if (line.startsWith(options.end)) ending = 'end-line';
    line = '';
  } else {
    line += ch;
  }
};
rp2040.onBreak = () => {
  ending = 'breakpoint';
};

const started = Date.now();
const deadline = started + options.timeoutS * 1000;

function finish() {
  if (line !== '') process.stdout.write('\n');
  for (const [pin, count] of toggles) console.log(`harness: gpio pin=${pin} toggles=${count}`);
  console.log(`harness: adc channel=${TEMPERATURE_CHANNEL} conversions=${temperatureReads}`);
  const simMs = (rp2040.clock.nanos / 1e6).toFixed(1);
  console.log(`harness: end=${ending} sim_ms=${simMs} wall_ms=${Date.now() - started}`);
  process.exitCode = ending === 'end-line' ? 0 : 1;
}

// Run in slices, giving the event loop a turn in between so that output
// flows; when the core sleeps, jump the clock to the next alarm.
function run() {
  const { core, clock } = rp2040;
  for (let i = 0; i < 200000 && ending === null; i++) {
    if (core.waiting) {
      const skip = clock.nanosToNextAlarm;
      if (skip <= 0) {
        ending = 'stalled';
        break;
      }
      clock.tick(skip);
    } else {
      clock.tick(core.executeInstruction() * CYCLE_NANOS);
    }
  }
  if (ending === null && Date.now() > deadline) ending = 'timeout';
  if (ending === null) setImmediate(run);
  else finish();
}
run();
