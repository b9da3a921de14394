/** The log benchmark protocols (HDFS sessions, BGL_2k windows) shared by the tests and the bench suites. */
package io.argus.logs.eval;
