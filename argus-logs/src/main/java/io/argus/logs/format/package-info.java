/** Log-line formats in loghub's syntax and the published per-data-set presets (HDFS, BGL). */
package io.argus.logs.format;
