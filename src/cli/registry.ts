// Every CLI command, in the order `qgeom --help` lists them. Add a command by importing it here.
import type { Command } from "./command.js";
import { batchCommand } from "./commands/batch.js";
import { proveCommand } from "./commands/prove.js";
import { diffCommand, gradientCommand, hessianCommand } from "./commands/calculus.js";
import { compileCommand } from "./commands/compile.js";
import { evalCommand } from "./commands/eval.js";
import { modularFlowCommand, modularGeneratorCommand, modularKmsCommand, relentCommand } from "./commands/modular.js";
import { latexCommand } from "./commands/latex.js";
import { cancelCommand, expandCommand, simplifyCommand, togetherCommand } from "./commands/rewrite.js";
import { verifyCommand } from "./commands/verify.js";
import { wishartCommands } from "./commands/wishart.js";
import { maCommand } from "./commands/ma.js";
import { brenierCommand } from "./commands/brenier.js";
import { rbmFreeEnergyCommand, rbmLogZCommand } from "./commands/rbm.js";
import { rgDecimateCommand } from "./commands/rg.js";
import { coneMaCommand } from "./commands/cone.js";

export const commands: Command[] = [
  proveCommand,
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
  modularFlowCommand,
  modularGeneratorCommand,
  modularKmsCommand,
  relentCommand,
  latexCommand,
  batchCommand,
  ...wishartCommands,
  maCommand,
  brenierCommand,
  rbmFreeEnergyCommand,
  rbmLogZCommand,
  rgDecimateCommand,
  coneMaCommand,
];
