#include "loopscope/net/static_files.hpp"
#include "temp_web_root.hpp"

#include <gtest/gtest.h>

namespace {

using loopscope::net::find_static_file;
using loopscope::net::percent_decode;
using outcome = loopscope::net::static_file_lookup::outcome;

TEST(PercentDecode, DecodesEscapesAndRefusesMalformedOnes)
{
    EXPECT_EQ(percent_decode("/a%20b%2Fc"), "/a b/c");
    EXPECT_EQ(percent_decode("%2e%2E"), "..");
    EXPECT_EQ(percent_decode("/plain"), "/plain");
    EXPECT_FALSE(percent_decode("%"));
    EXPECT_FALSE(percent_decode("%2"));
    EXPECT_FALSE(percent_decode("%zz"));
    EXPECT_FALSE(percent_decode("a%00b")) << "an encoded NUL never reaches the file system";
}

class FindStaticFile : public testing::Test {
protected:
    loopscope::testing::temp_web_root root_;
    std::filesystem::path web_ = std::filesystem::canonical(root_.web());
};

TEST_F(FindStaticFile, MapsTargetsToFilesWithTheirContentType)
{
    auto index = find_static_file("/", web_);
    ASSERT_EQ(index.result, outcome::found);
    EXPECT_EQ(index.path, web_ / "index.html");
    EXPECT_EQ(index.content_type, "text/html; charset=utf-8");

    auto script = find_static_file("/app.js?v=3#top", web_);
    ASSERT_EQ(script.result, outcome::found);
    EXPECT_EQ(script.content_type, "text/javascript; charset=utf-8");

    EXPECT_EQ(find_static_file("/docs", web_).path, web_ / "docs" / "index.html");
    EXPECT_EQ(find_static_file("/docs/", web_).path, web_ / "docs" / "index.html");
    EXPECT_EQ(find_static_file("/file%20with%20space.txt", web_).result, outcome::found);
    EXPECT_EQ(find_static_file("/data.json", web_).content_type, "application/json");
}

TEST_F(FindStaticFile, RefusesEveryWayOutOfTheRoot)
{
    for (const char* target : {"/../secret.txt", "/docs/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                               "/docs/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt", "/a\\..\\secret.txt",
                               "secret.txt", "http://example.com/secret.txt", "*", "/%", "/x%00.txt"})
        EXPECT_EQ(find_static_file(target, web_).result, outcome::bad_request) << target;

    // Absolute paths are names under the root, and links out of the root are not followed
    for (const char* target : {"//etc/passwd", "/etc/passwd", "/escape/secret.txt", "/secret-link.txt", "/missing.js"})
        EXPECT_EQ(find_static_file(target, web_).result, outcome::not_found) << target;
}

} // namespace
