#pragma once

// Checks a JSON value against the subset of JSON Schema that protocol/schema uses: type, const, enum,
// required, properties, items. Returns the problems found, empty when the value conforms.
#include <boost/json.hpp>

#include <string>
#include <vector>

namespace loopscope::testing {

inline bool has_json_type(const boost::json::value& value, std::string_view type)
{
    if (type == "object") return value.is_object();
    if (type == "array") return value.is_array();
    if (type == "string") return value.is_string();
    if (type == "integer") return value.is_int64() || value.is_uint64();
    if (type == "number") return value.is_number();
    if (type == "boolean") return value.is_bool();
    if (type == "null") return value.is_null();
    return false;
}

inline void check_schema(const boost::json::value& value, const boost::json::object& schema, const std::string& where,
                         std::vector<std::string>& problems)
{
    if (auto* type = schema.if_contains("type")) {
        bool any = false;
        if (type->is_string()) any = has_json_type(value, type->as_string());
        else
            for (const auto& one : type->as_array()) any = any || has_json_type(value, one.as_string());
        if (!any) problems.push_back(where + ": expected type " + boost::json::serialize(*type));
    }
    if (auto* constant = schema.if_contains("const"); constant && *constant != value)
        problems.push_back(where + ": expected " + boost::json::serialize(*constant));
    if (auto* allowed = schema.if_contains("enum")) {
        const auto& options = allowed->as_array();
        if (std::find(options.begin(), options.end(), value) == options.end())
            problems.push_back(where + ": " + boost::json::serialize(value) + " is not one of " + boost::json::serialize(*allowed));
    }
    if (const auto* object = value.if_object()) {
        if (auto* required = schema.if_contains("required"))
            for (const auto& name : required->as_array())
                if (!object->contains(name.as_string()))
                    problems.push_back(where + ": missing field " + std::string(name.as_string()));
        if (auto* properties = schema.if_contains("properties"))
            for (const auto& [name, sub_schema] : properties->as_object())
                if (auto* field = object->if_contains(name))
                    check_schema(*field, sub_schema.as_object(), where + "." + std::string(name), problems);
    }
    if (const auto* array = value.if_array(); array && schema.contains("items"))
        for (std::size_t i = 0; i < array->size(); ++i)
            check_schema((*array)[i], schema.at("items").as_object(), where + "[" + std::to_string(i) + "]", problems);
}

inline std::vector<std::string> schema_problems(const boost::json::value& value, const boost::json::object& schema)
{
    std::vector<std::string> problems;
    check_schema(value, schema, "$", problems);
    return problems;
}

} // namespace loopscope::testing
