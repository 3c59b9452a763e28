#include "common/entities/name_transliterator.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <vector>

namespace chancery {
namespace {

std::unique_ptr<icu::Transliterator> Open(const char* id, Status* status) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, err));
  if (U_FAILURE(err) || t == nullptr) {
    *status = Status::NotFound(std::string("ICU transliterator ") + id +
                               " is not available: " + u_errorName(err));
    return nullptr;
  }
  return t;
}

// The first non-Latin, non-common script of `name`, or USCRIPT_LATIN.
UScriptCode ScriptOf(const icu::UnicodeString& name) {
  for (int32_t i = 0; i < name.length();) {
    UChar32 c = name.char32At(i);
    i += U16_LENGTH(c);
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript(c, &err);
    if (U_FAILURE(err) || s == USCRIPT_COMMON || s == USCRIPT_INHERITED ||
        s == USCRIPT_LATIN) {
      continue;
    }
    return s;
  }
  return USCRIPT_LATIN;
}

// "xí jìn píng" (already ASCII-folded: "xi jin ping") -> "Xi Jinping".
std::string ChineseNameOrder(const std::string& syllables) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : syllables) {
    if (c == ' ') {
      if (!cur.empty()) parts.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) parts.push_back(std::move(cur));
  if (parts.size() < 2) return syllables;
  std::string out = parts[0] + " ";
  for (size_t i = 1; i < parts.size(); ++i) out += parts[i];
  return out;
}

std::string CapitaliseWords(std::string s) {
  bool start = true;
  for (char& c : s) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    start = c == ' ' || c == '-';
  }
  return s;
}

}  // namespace

struct NameTransliterator::Transforms {
  std::unique_ptr<icu::Transliterator> cyrillic, greek, han, arabic, any, ascii;
};

NameTransliterator::NameTransliterator(std::unique_ptr<Transforms> t)
    : transforms_(std::move(t)) {}
NameTransliterator::~NameTransliterator() = default;

StatusOr<std::unique_ptr<NameTransliterator>> NameTransliterator::Create() {
  auto t = std::make_unique<Transforms>();
  Status s;
  t->cyrillic = Open("Russian-Latin/BGN", &s);
  if (s.ok()) t->greek = Open("Greek-Latin/BGN", &s);
  if (s.ok()) t->han = Open("Han-Latin", &s);
  if (s.ok()) t->arabic = Open("Arabic-Latin", &s);
  if (s.ok()) t->any = Open("Any-Latin", &s);
  if (s.ok()) t->ascii = Open("Latin-ASCII", &s);
  if (!s.ok()) return s;
  return std::unique_ptr<NameTransliterator>(
      new NameTransliterator(std::move(t)));
}

bool NameTransliterator::NeedsTransliteration(std::string_view name) {
  bool ascii = true;
  for (char c : name) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return false;
  return ScriptOf(icu::UnicodeString::fromUTF8(name)) != USCRIPT_LATIN;
}

std::string NameTransliterator::ToLatin(std::string_view name) const {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(name);
  const UScriptCode script = ScriptOf(u);
  if (script == USCRIPT_LATIN) return std::string(name);
  {
    std::lock_guard<std::mutex> lock(mu_);
    const Transforms& t = *transforms_;
    switch (script) {
      case USCRIPT_CYRILLIC:
        t.cyrillic->transliterate(u);
        break;
      case USCRIPT_GREEK:
        t.greek->transliterate(u);
        break;
      case USCRIPT_HAN:
        t.han->transliterate(u);
        break;
      case USCRIPT_ARABIC:
        t.arabic->transliterate(u);
        break;
      default:
        t.any->transliterate(u);
        break;
    }
    t.ascii->transliterate(u);
  }
  std::string raw;
  u.toUTF8String(raw);
  // Keep letters, digits, spaces and hyphens: BGN writes the soft sign as
  // a prime and Arabic-Latin the ayn as a quote.
  std::string latin;
  for (char c : raw) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '-' ||
                      (c == ' ' && !latin.empty() && latin.back() != ' ');
    if (keep) latin.push_back(c);
  }
  while (!latin.empty() && latin.back() == ' ') latin.pop_back();
  if (latin.empty()) return std::string(name);
  if (script == USCRIPT_HAN) {
    for (char& c : latin) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    latin = ChineseNameOrder(latin);
  }
  return CapitaliseWords(std::move(latin));
}

}  // namespace chancery
