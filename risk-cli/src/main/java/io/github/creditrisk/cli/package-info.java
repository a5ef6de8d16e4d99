/**
 * The {@code risk} command: {@link io.github.creditrisk.cli.Main} and its subcommands. Not a library API;
 * the command line and its exit codes are the contract (see README.md).
 *
 * <p>Null policy as in {@link io.github.creditrisk}.
 */
package io.github.creditrisk.cli;
