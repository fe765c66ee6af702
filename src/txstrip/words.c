#include "words.h"

/*
 * The commonest function words of each language: articles, pronouns,
 * prepositions, conjunctions, auxiliaries.  Prose is full of them and
 * navigation, teasers and buttons are not, whatever the topic: the share
 * of them in a block is the best single sign of running text (jusText).
 * Lower case, one space between words.
 */
const struct strip_fwords strip_fwords[] = {
	{ "en", "a about after all also an and are as at be because been but by "
	    "can could did do does for from had has have he her him his how i if "
	    "in into is it its just more most my no not of on one only or other "
	    "our out she so some than that the their them then there these they "
	    "this those to up was we were what when which while who will with "
	    "would you your" },
	{ "de", "aber als am an auch auf aus bei bin bis das dass dem den der des "
	    "die doch du durch ein eine einem einen einer er es für hat hatte ich "
	    "ihr im in ist ja kann man mit nach nicht noch nur oder sich sie sind "
	    "so um und uns vom von vor war wie wir wird wurde zu zum zur über" },
	{ "fr", "à au aux avec ce ces cette dans de des du elle en est et il ils "
	    "je la le les leur lui mais me même ne nous on ont ou par pas plus "
	    "pour qu que qui sa sans se ses son sont sur un une vous été était" },
	{ "es", "a al como con de del el ella en entre era es esta este fue ha "
	    "hay la las le lo los más muy no nos o para pero por que se sin sobre "
	    "su sus también un una y ya está son ser" },
	{ "it", "a al alla anche che ci come con da dal del della di e è gli ha "
	    "il in la le lo ma mi nel nella non per più questo si sono su tra un "
	    "una uno sua suo loro era essere" },
	{ "pt", "a ao aos as com como da das de do dos e é ela ele em entre era "
	    "foi isso mais mas na nas no nos o os ou para pela pelo por que se "
	    "sem ser seu sua são também um uma já" },
	{ "nl", "aan al als bij dan dat de die dit door een en er het hij hoe "
	    "ik in is je maar met naar niet nog of om ook op te tot uit van voor "
	    "was wat we werd wie wij zijn ze zich zo" },
	{ "ru", "а без бы был была были было в во вы да для до его её если есть "
	    "же за и из или им их к как когда ли мы на над не нет но о об он она "
	    "они от по при с со так также то только у что это я" },
	{ "pl", "a aby ale bez by być był była było dla do go i ich im jak jako "
	    "jest jego jej już na nad nie o od oraz po pod przez przy się są ta "
	    "tak także te to tu w we z za ze że" },
};

const size_t strip_nfwords = sizeof(strip_fwords) / sizeof(strip_fwords[0]);

/*
 * The headings under which sites put what is not the article: related and
 * latest stories, comments, sharing, newsletters, the author's box.  A
 * block that reads exactly so, and the blocks after it, are told so; the
 * model learns how much that weighs.  Matched on the block's words alone,
 * so "Related Articles:" and "RELATED ARTICLES »" are "related articles".
 */
const char *const strip_sections[] = {
	/* en */
	"about the author", "add comment", "comments", "discussion",
	"editor s picks", "follow us", "join the conversation", "latest",
	"latest news", "latest posts", "latest stories", "leave a comment",
	"leave a reply", "more from", "more like this", "more news",
	"more on this story", "more stories", "most popular", "most read",
	"newsletter", "popular", "popular posts", "read more", "read next",
	"recent posts", "recommended", "recommended for you", "related",
	"related articles", "related content", "related news", "related posts",
	"related stories", "related topics", "share", "share this",
	"share this article", "share this story", "sign up", "sponsored",
	"subscribe", "tags", "top stories", "trending", "trending now",
	"up next", "what to read next", "you might also like",
	"you may also like", "you may have missed",
	/* de */
	"das könnte sie auch interessieren", "kommentare", "mehr zum thema",
	"weitere artikel", "das könnte dich auch interessieren",
	/* fr */
	"à lire aussi", "lire aussi", "sur le même sujet", "commentaires",
	"articles similaires", "les plus lus",
	/* es */
	"noticias relacionadas", "te puede interesar", "comentarios",
	"lo más leído", "también te puede interesar",
	/* it */
	"leggi anche", "articoli correlati", "commenti", "i più letti",
	/* pt */
	"leia também", "veja também", "comentários", "mais lidas",
	/* nl */
	"lees ook", "gerelateerde artikelen", "reacties", "meest gelezen",
};
const size_t strip_nsections = sizeof(strip_sections) / sizeof(strip_sections[0]);
