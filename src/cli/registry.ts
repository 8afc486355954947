// Every CLI command, in the order `qgeom --help` lists them. Add a command by importing it here.
import type { Command } from "./command.js";
import { batchCommand } from "./commands/batch.js";
import { diffCommand, gradientCommand, hessianCommand } from "./commands/calculus.js";
import { compileCommand } from "./commands/compile.js";
import { evalCommand } from "./commands/eval.js";
import { cancelCommand, expandCommand, simplifyCommand, togetherCommand } from "./commands/rewrite.js";
import { verifyCommand } from "./commands/verify.js";
import { rbmFreeEnergyCommand, rbmLogZCommand } from "./commands/rbm.js";
import { rgDecimateCommand } from "./commands/rg.js";
import { coneMaCommand } from "./commands/cone.js";

export const commands: Command[] = [
  verifyCommand,
  simplifyCommand,
  expandCommand,
  togetherCommand,
  cancelCommand,
  diffCommand,
  gradientCommand,
  hessianCommand,
  evalCommand,
  compileCommand,
  batchCommand,
  rbmFreeEnergyCommand,
  rbmLogZCommand,
  rgDecimateCommand,
  coneMaCommand,
];
