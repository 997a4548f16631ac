// The embedded catalog is exactly catalog.json and the programs on disk, in the curriculum's order:
// the tutorial's examples, then one per asyncio concept, each in its group.
#include "loopscope/catalog/catalog.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace catalog = loopscope::catalog;
namespace json = boost::json;

const std::string catalog_dir = LOOPSCOPE_CATALOG_DIR;

std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in.good()) << "cannot open " << path;
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

json::array catalog_json()
{
    return json::parse(read_file(catalog_dir + "/catalog.json")).as_array();
}

std::string field(const json::value& entry, const char* name)
{
    return std::string(entry.as_object().at(name).as_string());
}

TEST(catalog, follows_the_tutorials_order)
{
    std::vector<std::string> ids;
    for (const auto& s : catalog::scenarios())
        ids.emplace_back(s.id);
    const std::vector<std::string> expected{"hello", "sleep", "create_task", "interleaving",
        "sequential_unawaited", "sequential_awaited", "gather", "event_loop_lifecycle", "blocking_sleep",
        // Then the curriculum, one example per concept.
        "wait_for_timeout", "timeout_block", "cancel_cleanup", "shield", "wait_first_completed", "as_completed",
        "taskgroup_failure", "lost_update", "unlocked_deposits", "locked_deposits", "semaphore_downloads", "event_starting_gun", "queue_workers",
        "to_thread", "call_later", "done_callback"};
    EXPECT_EQ(ids, expected);
}

TEST(catalog, groups_come_in_the_curriculums_order)
{
    std::vector<std::string> groups;
    for (const auto& s : catalog::scenarios())
        if (groups.empty() || groups.back() != s.group)
            groups.emplace_back(s.group);
    const std::vector<std::string> expected{"Tutorial", "Timeouts", "Cancellation", "Structured concurrency",
        "Synchronisation", "Queues", "Threads and callbacks"};
    EXPECT_EQ(groups, expected);
    EXPECT_EQ(catalog::find("blocking_sleep")->group, "Tutorial");
    EXPECT_EQ(catalog::find("taskgroup_failure")->group, "Structured concurrency");
}

TEST(catalog, every_scenario_has_a_group_and_groups_are_contiguous)
{
    std::set<std::string_view> finished; // groups already left behind
    std::string_view current;
    for (const auto& s : catalog::scenarios()) {
        EXPECT_FALSE(s.group.empty()) << s.id;
        if (s.group == current)
            continue;
        EXPECT_FALSE(finished.contains(s.group)) << s.id << ": group \"" << s.group << "\" is split";
        if (!current.empty())
            finished.insert(current);
        current = s.group;
    }
}

TEST(catalog, ids_are_unique_and_snake_case)
{
    std::set<std::string_view> seen;
    for (const auto& s : catalog::scenarios()) {
        EXPECT_TRUE(seen.insert(s.id).second) << "duplicate id " << s.id;
        ASSERT_FALSE(s.id.empty());
        for (const char c : s.id)
            EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') << s.id;
    }
}

TEST(catalog, every_text_is_filled_in)
{
    for (const auto& s : catalog::scenarios()) {
        EXPECT_FALSE(s.title.empty()) << s.id;
        EXPECT_FALSE(s.summary.empty()) << s.id;
        EXPECT_FALSE(s.notes.empty()) << s.id;
        EXPECT_FALSE(s.source.empty()) << s.id;
        EXPECT_NE(s.source.find("asyncio"), std::string_view::npos) << s.id;
    }
}

TEST(catalog, each_program_is_named_after_its_id)
{
    // The conformance test of a program is conformance.catalog.<file name>: keep it the id.
    for (const auto& entry : catalog_json())
        EXPECT_EQ(field(entry, "file"), "programs/" + field(entry, "id") + ".py");
}

TEST(catalog, matches_catalog_json_and_the_programs_on_disk_byte_for_byte)
{
    const auto entries = catalog_json();
    const auto all = catalog::scenarios();
    ASSERT_EQ(entries.size(), all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto& entry = entries[i];
        const auto& s = all[i];
        EXPECT_EQ(s.id, field(entry, "id"));
        EXPECT_EQ(s.title, field(entry, "title"));
        EXPECT_EQ(s.summary, field(entry, "summary"));
        EXPECT_EQ(s.notes, field(entry, "notes"));
        EXPECT_EQ(s.group, field(entry, "group"));
        const auto on_disk = read_file(catalog_dir + "/" + field(entry, "file"));
        EXPECT_EQ(s.source.size(), on_disk.size()) << s.id;
        EXPECT_TRUE(s.source == on_disk) << s.id << " differs from " << field(entry, "file");
    }
}

TEST(catalog, keeps_the_tutorials_tabs)
{
    const auto* hello = catalog::find("hello");
    ASSERT_NE(hello, nullptr);
    EXPECT_NE(hello->source.find("\tprint(\"Hello World!\")\n"), std::string_view::npos);
}

TEST(catalog, find_returns_the_scenario_or_nullptr)
{
    for (const auto& s : catalog::scenarios()) {
        const auto* found = catalog::find(s.id);
        ASSERT_NE(found, nullptr) << s.id;
        EXPECT_EQ(found, &s);
    }
    EXPECT_EQ(catalog::find("no_such_scenario"), nullptr);
    EXPECT_EQ(catalog::find(""), nullptr);
    EXPECT_EQ(catalog::find("Gather"), nullptr);
}

TEST(catalog, the_unawaited_main_is_the_tutorials)
{
    const auto* s = catalog::find("sequential_unawaited");
    ASSERT_NE(s, nullptr);
    EXPECT_NE(s->source.find("\tcoffee_result: str = brew_coffee()\n\tbagel_result: str = toast_bagel()\n"),
        std::string_view::npos);
    EXPECT_NE(s->notes.find("was never awaited"), std::string_view::npos);
}

} // namespace
