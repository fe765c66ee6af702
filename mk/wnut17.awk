# WNUT-17's "token<TAB>tag" sentences as txner-train reads them: each
# sentence a document of its own (a tweet), person -> PER, location -> LOC,
# corporation and group -> ORG, the other types (product, creative-work) O.
# usage: awk -f mk/wnut17.awk wnut17train.conll
BEGIN { FS = "\t"; n = 0; fresh = 1 }
NF < 2 || $1 == "" {
	if (!fresh)
		print ""
	fresh = 1
	next
}
{
	if (fresh)
		printf "# newdoc id = wnut17-%d\n", ++n
	fresh = 0
	tag = $2
	sub(/\r$/, "", tag)
	type = substr(tag, 3)
	if (type == "person")
		tag = substr(tag, 1, 2) "PER"
	else if (type == "location")
		tag = substr(tag, 1, 2) "LOC"
	else if (type == "corporation" || type == "group")
		tag = substr(tag, 1, 2) "ORG"
	else
		tag = "O"
	print $1 "\t" tag
}
END { if (!fresh) print "" }
