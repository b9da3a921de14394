/** A next-event n-gram model over key sequences with top-g candidates, the classic form of DeepLog (Du et al., CCS 2017). */
package io.argus.logs.detect.nextevent;
