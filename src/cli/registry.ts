// Every CLI command, in the order `qgeom --help` lists them. Add a command by importing it here.
import type { Command } from "./command.js";
import { batchCommand } from "./commands/batch.js";

export const commands: Command[] = [batchCommand];
