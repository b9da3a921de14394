/** Reading log files with bad-input accounting, parsing them with Drain on several threads, loghub's output files and grouping accuracy. */
package io.argus.logs.parse;
