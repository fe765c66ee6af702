// C++ only because CLD2's interface is: this gives the suite a C entry
// point, and neither throws nor allocates.
#include <stdio.h>	// compact_lang_det.h uses FILE without it
#include <string.h>

#include <cld2/public/compact_lang_det.h>

extern "C" {
#include "langid.h"
}

extern "C" int
txlangid(const char *s, size_t n, char *code)
{
	bool reliable = false;
	int valid = 0;
	const char *c;
	size_t k;

	code[0] = '\0';
	if (n > TXLANGID_MAX)
		n = TXLANGID_MAX;
	CLD2::Language lang = CLD2::DetectLanguageCheckUTF8(s, (int)n, true,
	    &reliable, &valid);
	if (valid < (int)n && valid > 0)
		lang = CLD2::DetectLanguageCheckUTF8(s, valid, true, &reliable,
		    &valid);
	if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE)
		return 0;
	c = CLD2::LanguageCode(lang);
	// "zh-Hant" is Chinese too; CLD2's codes for the rest are ISO 639-1
	k = strcspn(c, "-");
	if (k == 0 || k > 7)
		return 0;
	memcpy(code, c, k);
	code[k] = '\0';
	return 1;
}
