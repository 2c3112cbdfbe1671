// libxml2 for Swift. Debian builds libxml2 with ICU, and <libxml/encoding.h> then pulls in the system
// <unicode/ucnv.h>, whose UErrorCode clashes with Foundation's bundled ICU on every clean build.
// Jixiao never needs the ICU-only fields, so the ICU part is switched off before the other headers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/parserInternals.h>
