# The sentences of a UD file (CoNLL-U, or UNER's IOB2 with its comments)
# as mksplit reads them: a "# text" line a line, a blank line before each
# new document.
/^# newdoc/ { if (n++) print "" }
/^# text = / { sub(/^# text = /, ""); print }
END { if (n) print "" }
