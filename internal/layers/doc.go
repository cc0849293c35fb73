// Package layers holds, as a test, the rules of the house about which of newsgraph's packages may
// import which: cmd uses build, graph and extract; build (a corpus into a store) uses graph,
// extract and schema, and only cmd imports it; graph and extract use schema; graph's
// subpackages (export, present, serve) use graph, and graph none of them; extract never imports
// graph; schema imports neither; the stages of extract import doc and only the other stages they
// declare; internal/version imports nothing of the module; internal/cli (the command machinery:
// dispatch, help, exit statuses, store flags) uses graph and extract/input, and only cmd
// imports it. Like go/build's deps_test.go, the allowed imports are written down once
// (layers_test.go) and the test fails when a package reaches across. It has no code of its own
// and nothing imports it.
package layers
