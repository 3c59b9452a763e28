#include "indexer/readers/furniture_line.h"

#include <string>

#include "common/base/strings.h"

namespace chancery {
namespace {

// Thresholds, chosen on the tuning part of bench/html_quality only.
// A date line ("Last modified: ...") is cut up to this many characters.
constexpr int kMaxDateLineChars = 80;
// A lead-in ("Read more") followed by this share of link text is furniture.
constexpr double kMinLeadInLinkDensity = 0.5;

}  // namespace

bool IsFurnitureLine(std::string_view text, int chars, double link_density) {
  const std::string line = AsciiToLower(TrimWhitespace(text));
  // Lead-ins that say what follows is other stories.
  static constexpr std::string_view kLeadIns[] = {
      "related stories",
      "related articles",
      "related coverage",
      "you might also like",
      "you may also like",
      "subscribe now",
      "subscribe to",
      "sign up for",
      "lesen sie auch",
      "auch lesen",
      "mehr zum thema",
      "zum weiterlesen",
      "das k\xC3\xB6nnte sie auch interessieren",
      "\xC3\x84hnliche beitr",
      "vea tambi",
      "lee tambi",
      "puedes ver",
      "le puede interesar",
      "te puede interesar",
      "leia tamb",
      "lire aussi",
      "\xC3\xA0 lire aussi",
      "zobacz r",
      "czytaj te",
      "czytaj tak",
      "leggi anche"};
  // Lead-ins that may also begin a sentence ("Read more about the study
  // in..."): furniture only when heading something.
  static constexpr std::string_view kLeadInsIfHeading[] = {
      "read more",      "read also", "see also",    "related",
      "more on this",   "also read", "weiterlesen", "auch interessant",
      "lesen sie dazu", "mire",      "voir aussi"};
  // Whether the lead-in ending at `end` heads a link or a list: it is
  // followed by a colon, the line ends with one, or is mostly a link.
  auto heads_something = [&line, link_density](size_t end) {
    if (end < line.size() && line[end] >= 'a' && line[end] <= 'z') {
      return false;  // "Relatedness", not "Related"
    }
    const std::string_view rest =
        TrimWhitespace(std::string_view(line).substr(end));
    return rest.empty() || rest.front() == ':' || line.back() == ':' ||
           link_density >= kMinLeadInLinkDensity;
  };
  for (std::string_view lead_in : kLeadIns) {
    if (line.compare(0, lead_in.size(), lead_in) == 0) return true;
  }
  for (std::string_view lead_in : kLeadInsIfHeading) {
    if (line.compare(0, lead_in.size(), lead_in) == 0 &&
        heads_something(lead_in.size())) {
      return true;
    }
  }
  // A credit line under a picture that is not marked as a caption:
  // "Foto: Jane Doe", "(Credit: Agency)". A "Quelle:" line of any length
  // up to kMaxFurnitureLineChars.
  std::string_view unbracketed = line;
  if (!unbracketed.empty() && unbracketed.front() == '(') {
    unbracketed.remove_prefix(1);
  }
  for (std::string_view label :
       {"foto:", "fotos:", "photo:", "photos:", "bild:", "bilder:", "credit:",
        "credits:", "image:", "titelbild:", "beitragsbild:", "abbildung:",
        "quelle:", "source:",
        "cr\xC3\xA9"
        "dito:"}) {
    if (unbracketed.compare(0, label.size(), label) == 0) return true;
  }
  // A date line or a byline label: "Last modified: ...", "Aktualisiert
  // am ...", a lone "Von:".
  if (chars <= kMaxDateLineChars) {
    for (std::string_view date_line :
         {"last modified", "last updated",
          "updated:", "published:", "aktualisiert am", "zuletzt aktualisiert",
          "ver\xC3\xB6"
          "ffentlicht am",
          "stand:", "publicado el", "actualizado el", "mis \xC3\xA0 jour"}) {
      if (line.compare(0, date_line.size(), date_line) == 0) return true;
    }
  }
  // A line that only marks an advertisement, or labels a byline.
  std::string_view bare = line;
  while (!bare.empty() && (bare.back() == ':' || bare.back() == '.')) {
    bare.remove_suffix(1);
  }
  for (std::string_view marker :
       {"von", "by", "autor", "author", "por", "par", "advertisement",
        "anzeige", "werbung", "reklama", "publicidad", "publicit\xC3\xA9",
        "pubblicit\xC3\xA0", "sponsored", "kontakt", "contact"}) {
    if (bare == marker) return true;
  }
  // Sentences that only address the reader about the site, anywhere in a
  // short line: a paywall's appeal, a copyright or reprint notice, a
  // disclaimer, a call to install the app or to share the article.
  for (std::string_view appeal :
       {"already a subscriber", "to view the full story", "to continue reading",
        "copyrighted property", "all rights reserved", "written permission",
        "not responsible for the opinions", "apps for ios and android",
        "app for ios and android", "den artikel teilen", "share this article",
        "alle rechte vorbehalten", "todos los derechos reservados",
        "tous droits r\xC3\xA9serv\xC3\xA9s"}) {
    if (line.find(appeal) != std::string::npos) return true;
  }
  // Names of social networks: two in a short line is a "follow us" or a
  // share bar, whatever the language.
  int networks = 0;
  for (std::string_view network :
       {"facebook", "twitter", "instagram", "youtube", "telegram", "linkedin",
        "tiktok", "whatsapp", "pinterest"}) {
    if (line.find(network) != std::string::npos) ++networks;
  }
  return networks >= 2;
}

}  // namespace chancery
