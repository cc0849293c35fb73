package graph

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// The actions of `newsgraph correct` that are not a kind of schema.Correction.
const (
	CorrectionList  = "list"  // list the store's corrections
	CorrectionUndo  = "undo"  // undo one correction (Store.UndoCorrection)
	CorrectionApply = "apply" // add the corrections of a file (Store.ImportCorrections)
)

// correctionArgs gives the arguments each action takes.
var correctionArgs = map[string]string{
	schema.CorrectReject: "FACT-ID", schema.CorrectMerge: "ENTITY OTHER", schema.CorrectRetype: "ENTITY TYPE",
	schema.CorrectRename: "ENTITY NAME", CorrectionList: "", CorrectionUndo: "ID", CorrectionApply: "FILE",
}

// CorrectionRequest is what the arguments of `newsgraph correct` ask for, as ParseCorrection
// reads them.
type CorrectionRequest struct {
	// Action is a kind of schema.Correction (reject, merge, retype, rename), or CorrectionList,
	// CorrectionUndo or CorrectionApply.
	Action string
	// Correction is the correction to make (Store.Correct) when Action is one of its kinds. It
	// is not checked: Store.Correct does that with the store at hand.
	Correction schema.Correction
	// ID is the correction to undo, for CorrectionUndo.
	ID int
	// File is the file of corrections to add, for CorrectionApply.
	File string
}

// ParseCorrection reads the arguments of `newsgraph correct`: an action and the arguments it
// takes ("merge ENTITY OTHER", "undo ID", ...). Every error it returns is the arguments' fault.
func ParseCorrection(args []string) (CorrectionRequest, error) {
	if len(args) == 0 {
		return CorrectionRequest{}, errors.New("say what to do: reject, merge, retype, rename, list, undo or apply")
	}
	do, rest := args[0], args[1:]
	want, ok := correctionArgs[do]
	if !ok {
		return CorrectionRequest{}, fmt.Errorf("unknown action %q: reject, merge, retype, rename, list, undo or apply", do)
	}
	if n := len(strings.Fields(want)); len(rest) != n {
		return CorrectionRequest{}, fmt.Errorf("correct %s takes %d argument(s): %s", do, n, want)
	}
	r := CorrectionRequest{Action: do}
	switch do {
	case CorrectionList:
	case CorrectionUndo:
		id, err := strconv.Atoi(rest[0])
		if err != nil || id < 1 {
			return CorrectionRequest{}, fmt.Errorf("undo takes the number of a correction (see correct list), not %q", rest[0])
		}
		r.ID = id
	case CorrectionApply:
		r.File = rest[0]
	default:
		r.Correction = schema.Correction{Kind: do, Target: rest[0]}
		if len(rest) > 1 {
			r.Correction.Value = rest[1]
		}
	}
	return r, nil
}
