// The OpenAPI document (openapi.json, served at /api/openapi.json) against
// the server itself: every route of the route table and every parameter its
// parser accepts (request_params.h, including the registry's filter
// fields) is documented, with its type and allowed values, and nothing
// else is; the errors the handlers answer are documented responses; and
// what the handlers answer matches the documented schemas.
#include "searchd/http/openapi.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "common/facets.h"
#include "searchd/http/routes.h"
#include "searchd/http/routes_test_fixture.h"

namespace chancery {
namespace {

using nlohmann::json;

const json& Document() {
  static const json* doc = new json(json::parse(OpenApiDocument()));
  return *doc;
}

// node[k1][k2]..., or null where a key is missing (const json's operator[]
// must not be given a missing key).
const json& At(const json& node, std::initializer_list<std::string> keys) {
  static const json* const kNull = new json(nullptr);
  const json* at = &node;
  for (const std::string& key : keys) {
    if (!at->is_object() || !at->contains(key)) return *kNull;
    at = &(*at)[key];
  }
  return *at;
}

// "/api/doc/{id}" -> {"id"}; a catch-all "{path*}" -> "path".
std::vector<std::string> PathCaptures(std::string_view pattern) {
  std::vector<std::string> out;
  for (size_t open = pattern.find('{'); open != std::string_view::npos;
       open = pattern.find('{', open + 1)) {
    size_t close = pattern.find('}', open);
    std::string name(pattern.substr(open + 1, close - open - 1));
    if (!name.empty() && name.back() == '*') name.pop_back();
    out.push_back(name);
  }
  return out;
}

// The OpenAPI path of a route pattern (no catch-all syntax in OpenAPI).
std::string OpenApiPath(std::string_view pattern) {
  std::string path(pattern);
  size_t star = path.find("*}");
  if (star != std::string::npos) path.erase(star, 1);
  return path;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(c));
  return s;
}

const json& Resolve(const json& node) {
  if (!node.is_object() || !node.contains("$ref")) return node;
  std::string ref = node["$ref"];
  EXPECT_EQ(ref.rfind("#/", 0), 0u) << ref;
  return Resolve(Document().at(json::json_pointer(ref.substr(1))));
}

const json& ErrorSchema() {
  return At(Document(), {"components", "schemas", "Error"});
}

const json& Operation(const Route& route) {
  return At(Document(),
            {"paths", OpenApiPath(route.pattern), Lower(route.method)});
}

// The operation's parameters by (in, name), path-item ones included.
std::map<std::pair<std::string, std::string>, json> DocumentedParams(
    const Route& route) {
  std::map<std::pair<std::string, std::string>, json> out;
  const json& item = At(Document(), {"paths", OpenApiPath(route.pattern)});
  for (const json* list : {&item, &Operation(route)}) {
    if (!list->contains("parameters")) continue;
    for (const json& p : At(*list, {"parameters"})) {
      const json& param = Resolve(p);
      out[{At(param, {"in"}).get<std::string>(),
           At(param, {"name"}).get<std::string>()}] = param;
    }
  }
  return out;
}

std::vector<ParamSpec> ParamsOf(const Route& route) {
  return route.params ? route.params() : std::vector<ParamSpec>();
}

std::string InName(ParamSpec::In in) {
  switch (in) {
    case ParamSpec::In::kPath:
      return "path";
    case ParamSpec::In::kHeader:
      return "header";
    case ParamSpec::In::kQuery:
      break;
  }
  return "query";
}

TEST(OpenApiTest, IsAnOpenApi3Document) {
  const json& doc = Document();
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(doc.value("openapi", "").rfind("3.", 0), 0u);
  EXPECT_TRUE(At(doc, {"info", "title"}).is_string());
  EXPECT_TRUE(At(doc, {"paths"}).is_object());
}

TEST(OpenApiTest, DocumentsEveryRouteAndNoOther) {
  std::set<std::pair<std::string, std::string>> routes;
  for (const Route& route : RouteTable()) {
    const std::string path = OpenApiPath(route.pattern);
    routes.insert({path, Lower(route.method)});
    EXPECT_TRUE(Operation(route).is_object())
        << route.method << " " << route.pattern << " is not in openapi.json";
  }
  for (const auto& [path, item] : At(Document(), {"paths"}).items()) {
    for (const auto& [method, op] : item.items()) {
      if (method == "parameters") continue;
      EXPECT_TRUE(routes.count({path, method}))
          << method << " " << path << " is documented but not routed";
    }
  }
}

TEST(OpenApiTest, DocumentsEveryParameterAndNoOther) {
  for (const Route& route : RouteTable()) {
    SCOPED_TRACE(route.pattern);
    std::map<std::pair<std::string, std::string>, json> documented =
        DocumentedParams(route);
    std::vector<std::string> captures = PathCaptures(route.pattern);
    std::set<std::pair<std::string, std::string>> accepted;
    for (const std::string& name : captures) accepted.insert({"path", name});
    for (const ParamSpec& spec : ParamsOf(route)) {
      const std::string in = InName(spec.in);
      const std::string name(spec.name);
      if (spec.in == ParamSpec::In::kPath) {
        EXPECT_NE(std::find(captures.begin(), captures.end(), name),
                  captures.end())
            << "the parser reads path parameter " << name
            << " that the pattern lacks";
      }
      accepted.insert({in, name});
      auto it = documented.find({in, name});
      if (it == documented.end()) {
        ADD_FAILURE() << in << " parameter " << name << " is not documented";
        continue;
      }
      const json& schema = At(it->second, {"schema"});
      const bool array = spec.repeatable || spec.type == ParamSpec::Type::kList;
      const json& item = array ? At(schema, {"items"}) : schema;
      if (array) {
        EXPECT_EQ(At(schema, {"type"}), "array") << name;
        // Repeated parameters are form-exploded (name=a&name=b); a single
        // comma list is not.
        EXPECT_EQ(it->second.value("explode", true), spec.repeatable) << name;
      }
      EXPECT_EQ(At(item, {"type"}),
                spec.type == ParamSpec::Type::kInteger ? "integer" : "string")
          << name;
      std::set<std::string> choices(spec.choices.begin(), spec.choices.end());
      std::set<std::string> listed;
      if (item.contains("enum")) {
        for (const json& v : At(item, {"enum"})) listed.insert(v);
      }
      EXPECT_EQ(listed, choices) << "allowed values of " << name;
      if (spec.in == ParamSpec::In::kPath) {
        EXPECT_EQ(it->second.value("required", false), true) << name;
      }
    }
    for (const auto& [key, param] : documented) {
      EXPECT_TRUE(accepted.count(key))
          << key.first << " parameter " << key.second
          << " is documented but no parser reads it";
    }
  }
}

TEST(OpenApiTest, DocumentsEveryFilterFieldOfTheRegistry) {
  const Route* search = nullptr;
  for (const Route& route : RouteTable()) {
    if (route.handler == GetSearch) search = &route;
  }
  ASSERT_NE(search, nullptr);
  std::map<std::pair<std::string, std::string>, json> documented =
      DocumentedParams(*search);
  for (const schema::FieldSpec& field : schema::kFields) {
    if (!schema::HasValues(field)) continue;
    EXPECT_TRUE(documented.count({"query", std::string(field.name)}))
        << "filter " << field.name;
  }
}

// Every error a route answers is one of its documented responses, with the
// Error schema.
void ExpectDocumentedError(const Route& route, const Dispatched& d) {
  const json& responses = At(Operation(route), {"responses"});
  const std::string status = std::to_string(d.response.status);
  ASSERT_TRUE(responses.contains(status))
      << route.pattern << " answers " << status << " (" << d.response.body
      << ") but does not document it";
  const json& response = Resolve(responses[status]);
  EXPECT_EQ(At(response, {"content", "application/json", "schema", "$ref"}),
            "#/components/schemas/Error")
      << route.pattern << " " << status;
}

std::string SamplePath(const Route& route) {
  std::string path = route.pattern;
  for (const std::string& name : PathCaptures(route.pattern)) {
    std::string value = name == "id"     ? "a1"
                        : name == "path" ? "index.html"
                                         : "org";
    size_t open = path.find("{" + name);
    path.replace(open, path.find('}', open) - open + 1, value);
  }
  return path;
}

class OpenApiRoutesTest : public RoutesTestFixture {};

TEST_F(OpenApiRoutesTest, ErrorsTheHandlersAnswerAreDocumented) {
  for (const Route& route : RouteTable()) {
    SCOPED_TRACE(route.pattern);
    HttpRequest post;
    post.method = "POST";
    post.path = SamplePath(route);
    ExpectDocumentedError(route, Run(post));
    for (const ParamSpec& spec : ParamsOf(route)) {
      if (spec.type == ParamSpec::Type::kString && spec.choices.empty()) {
        continue;
      }
      HttpRequest bad;
      bad.path = SamplePath(route);
      if (spec.in == ParamSpec::In::kPath) {
        bad.path.replace(bad.path.rfind('/') + 1, std::string::npos, "nope");
      } else {
        bad.query = {{std::string(spec.name), "nope"}};
      }
      Dispatched d = Run(bad);
      EXPECT_EQ(d.response.status, 400) << spec.name;
      ExpectDocumentedError(route, d);
    }
    if (!PathCaptures(route.pattern).empty()) {
      HttpRequest missing;
      missing.path = SamplePath(route);
      size_t id = missing.path.find("/a1");
      if (id == std::string::npos) continue;
      missing.path.replace(id + 1, 2, "no-such-article");
      ExpectDocumentedError(route, Run(missing));
    }
  }
  const Route& files = RouteTable().back();
  HttpRequest missing;
  missing.path = "/no-such-file.js";
  ExpectDocumentedError(files, Run(missing));
}

TEST(OpenApiTest, ErrorCodesAreDocumented) {
  std::set<std::string> codes;
  for (const json& c : At(ErrorSchema(), {"properties", "error", "properties",
                                          "code", "enum"})) {
    codes.insert(c);
  }
  for (StatusCode code :
       {StatusCode::kInvalidArgument, StatusCode::kNotFound,
        StatusCode::kIoError, StatusCode::kCorruption, StatusCode::kUnavailable,
        StatusCode::kInternal, StatusCode::kExpired}) {
    json body = json::parse(ErrorResponse(Status(code, "x")).body);
    EXPECT_TRUE(codes.count(body["error"]["code"])) << body;
  }
}

// A small JSON Schema check of what the doc uses: $ref, type (or a list of
// types), enum, const, minimum, properties with required (objects are
// closed unless additionalProperties says otherwise) and items.
void Validate(const json& schema_or_ref, const json& value,
              const std::string& where, std::vector<std::string>& errors) {
  const json& schema = Resolve(schema_or_ref);
  auto fail = [&](const std::string& what) {
    errors.push_back(where + ": " + what + " in " +
                     value.dump().substr(0, 200));
  };
  if (schema.contains("type")) {
    std::vector<std::string> types;
    if (schema["type"].is_array()) {
      for (const json& t : schema["type"]) types.push_back(t);
    } else {
      types.push_back(schema["type"]);
    }
    bool matched = false;
    for (const std::string& t : types) {
      matched |= (t == "object" && value.is_object()) ||
                 (t == "array" && value.is_array()) ||
                 (t == "string" && value.is_string()) ||
                 (t == "integer" && value.is_number_integer()) ||
                 (t == "number" && value.is_number()) ||
                 (t == "boolean" && value.is_boolean()) ||
                 (t == "null" && value.is_null());
    }
    if (!matched) return fail("not of type " + schema["type"].dump());
  }
  if (schema.contains("enum") &&
      std::find(schema["enum"].begin(), schema["enum"].end(), value) ==
          schema["enum"].end()) {
    fail("not one of " + schema["enum"].dump());
  }
  if (schema.contains("const") && schema["const"] != value) {
    fail("not " + schema["const"].dump());
  }
  if (schema.contains("minimum") && value.is_number() &&
      value.get<double>() < schema["minimum"].get<double>()) {
    fail("below the minimum");
  }
  if (value.is_object()) {
    for (const json& key : schema.value("required", json::array())) {
      if (!value.contains(key)) fail("lacks required " + key.dump());
    }
    const json properties = schema.value("properties", json::object());
    const json extra = schema.value("additionalProperties", json(false));
    for (const auto& [key, v] : value.items()) {
      if (properties.contains(key)) {
        Validate(properties[key], v, where + "." + key, errors);
      } else if (extra.is_object()) {
        Validate(extra, v, where + "." + key, errors);
      } else if (extra != true) {
        fail("has undocumented key \"" + key + "\"");
      }
    }
  }
  if (value.is_array() && schema.contains("items")) {
    for (size_t i = 0; i < value.size(); ++i) {
      Validate(At(schema, {"items"}), value[i],
               where + "[" + std::to_string(i) + "]", errors);
    }
  }
}

TEST_F(OpenApiRoutesTest, AnswersMatchTheDocumentedSchemas) {
  for (const Route& route : RouteTable()) {
    SCOPED_TRACE(route.pattern);
    // Every list parameter with all its values (every facet), a query
    // that matches, and a filter, so that optional parts appear.
    HttpRequest req;
    req.path = SamplePath(route);
    for (const ParamSpec& spec : ParamsOf(route)) {
      if (spec.in != ParamSpec::In::kQuery) continue;
      if (spec.name == "q") req.query.push_back({"q", "macron"});
      if (spec.type == ParamSpec::Type::kList && !spec.repeatable) {
        std::string all;
        for (std::string_view c : spec.choices) {
          all += (all.empty() ? "" : ",") + std::string(c);
        }
        req.query.push_back({std::string(spec.name), all});
      }
      if (spec.name == "country") req.query.push_back({"country", "FR"});
      if (spec.name == "collapse") req.query.push_back({"collapse", "story"});
    }
    Dispatched d = Run(req);
    ASSERT_EQ(d.response.status, 200) << d.response.body;
    const json& content = At(Operation(route), {"responses", "200", "content"});
    const std::string type =
        d.response.content_type.substr(0, d.response.content_type.find(';'));
    bool found = false;
    for (const auto& [media, body] : content.items()) {
      const std::string documented = media.substr(0, media.find(';'));
      if (documented != type && documented != "*/*") continue;
      found = true;
      if (type != "application/json") continue;
      std::vector<std::string> errors;
      Validate(At(body, {"schema"}), json::parse(d.response.body), "body",
               errors);
      for (const std::string& e : errors) ADD_FAILURE() << e;
    }
    EXPECT_TRUE(found) << "answers " << d.response.content_type;
  }
}

TEST_F(OpenApiRoutesTest, ErrorBodiesMatchTheErrorSchema) {
  std::vector<std::string> errors;
  HttpRequest bad;
  bad.path = "/api/search";
  bad.query = {{"size", "x"}};
  Validate(ErrorSchema(), json::parse(Run(bad).response.body), "400", errors);
  HttpRequest missing;
  missing.path = "/api/doc/no-such-article";
  Validate(ErrorSchema(), json::parse(Run(missing).response.body), "404",
           errors);
  for (const std::string& e : errors) ADD_FAILURE() << e;
}

TEST_F(OpenApiRoutesTest, IsServedAtApiOpenApiJson) {
  HttpRequest req;
  req.path = "/api/openapi.json";
  Dispatched d = Run(req);
  EXPECT_EQ(d.route, "openapi");
  EXPECT_EQ(d.response.status, 200);
  EXPECT_EQ(d.response.content_type, "application/json");
  EXPECT_EQ(json::parse(d.response.body), Document());
}

}  // namespace
}  // namespace chancery
