// Command newsgraph-train trains newsgraph's statistical models from the development data
// beside the repository (../shared/train) and writes the model files the packages embed:
//
//	go run ./cmd/newsgraph-train tagger [flags]   # extract/tag/model.bin
//	go run ./cmd/newsgraph-train parser [flags]   # extract/parse/model.bin
//	go run ./cmd/newsgraph-train ner [flags]      # extract/ner/model.bin (-also-gum FILE: GUM's names too)
//	go run ./cmd/newsgraph-train eval [flags]     # accuracy, speed, size and load time table
//	go run ./cmd/newsgraph-train eval -md         # the model rows of docs/models.md
//
// It is a development tool: nothing in the newsgraph binary depends on it, and it never changes
// files other than the model file it is told to write.
package main

import (
	"fmt"
	"os"
)

const usage = `usage: newsgraph-train <command> [flags]

commands:
  tagger   train the part-of-speech tagger and lemmatizer (extract/tag)
  parser   train the dependency parser (extract/parse)
  ner      train the name recogniser (extract/ner) on UniversalNER EWT, with -also-gum on GUM too
  eval     evaluate the embedded tagger and parser on UD EWT dev and test; with -md, the
           markdown rows of docs/models.md (EWT test, GUM dev, names, UNER test)
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	var err error
	args := os.Args[2:]
	switch os.Args[1] {
	case "tagger":
		err = trainTagger(args)
	case "parser":
		err = trainParser(args)
	case "ner":
		err = trainNER(args)
	case "eval":
		err = evaluate(args)
	case "-h", "-help", "--help", "help":
		fmt.Print(usage)
		return
	default:
		fmt.Fprintf(os.Stderr, "newsgraph-train: unknown command %q\n%s", os.Args[1], usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "newsgraph-train %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}
