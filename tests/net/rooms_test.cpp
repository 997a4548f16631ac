// Rooms over real websockets: a presenter drives, viewers follow; the poll; every room error; a viewer
// that stops reading while the presenter steps on.
#include "temp_web_root.hpp"
#include "test_server.hpp"
#include "loopback_client.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <cstdio>
#include <functional>

namespace {

using namespace loopscope::testing;
using namespace std::chrono_literals;
namespace json = boost::json;

// A /ws client that speaks in JSON objects.
class client {
public:
    explicit client(std::uint16_t port) : ws_(port) { ws_.read(); }              // hello
    client(std::uint16_t port, int receive_buffer) : ws_(port, receive_buffer) { ws_.read(); }

    void send(const json::object& message) { ws_.write_text(json::serialize(message)); }

    // The next message, whatever it is.
    json::object read() { return json::parse(ws_.read()).as_object(); }

    // The next message of `type` that satisfies `wanted`, skipping the others (a presenter's
    // room_status comes whenever the room changes). Each read gives up after reply_timeout.
    json::object next(std::string_view type, const std::function<bool(const json::object&)>& wanted = {})
    {
        for (;;) {
            json::object message = read();
            if (message.at("type").as_string() == type && (!wanted || wanted(message))) return message;
        }
    }

    // The next error, which must have `code`.
    void expect_error(std::string_view code)
    {
        auto error = next("error");
        EXPECT_EQ(error.at("code").as_string(), code) << json::serialize(error);
    }

    ws_client& ws() { return ws_; }

private:
    ws_client ws_;
};

struct presenter_of {
    std::string room, secret;
    std::uint64_t events = 0;
};

// Opens a room on `scenario` and waits for room_created.
presenter_of create_room(client& presenter, const std::string& scenario = "gather")
{
    presenter.send({{"type", "room_create"}, {"programs", json::array{json::object{{"scenario", scenario}}}}});
    auto created = presenter.next("room_created");
    return {std::string(created.at("room").as_string()), std::string(created.at("secret").as_string()),
            created.at("events").at(0).to_number<std::uint64_t>()};
}

json::object position(const presenter_of& room, std::uint64_t step, bool playing = false, double speed = 1,
                      std::string_view mode = "explore")
{
    return {{"type", "room_position"}, {"room", room.room}, {"secret", room.secret}, {"step", step},
            {"playing", playing},      {"speed", speed},    {"mode", mode}};
}

json::object join(const std::string& code)
{
    return {{"type", "room_join"}, {"room", code}};
}

auto viewers_are(std::uint64_t count)
{
    return [count](const json::object& status) { return status.at("viewers").to_number<std::uint64_t>() == count; };
}

// The value of a gauge at /metrics.
std::uint64_t gauge(std::uint16_t port, const std::string& name)
{
    std::string text = body_of(get(port, "/metrics"));
    auto at = text.find("\n" + name + " ");
    if (at == std::string::npos) throw std::runtime_error("no " + name + " in /metrics");
    return std::stoull(text.substr(at + name.size() + 2));
}

loopscope::net::server_config config_for(const temp_web_root& root)
{
    loopscope::net::server_config config;
    config.web_root = root.web();
    return config;
}

class Rooms : public testing::Test {
protected:
    temp_web_root root_;
};

TEST_F(Rooms, ViewersGetTheRunAndFollowEveryStepAndAJump)
{
    test_server server{config_for(root_)};
    client presenter{server.port()};
    auto room = create_room(presenter);
    EXPECT_EQ(room.room.size(), 6u);
    EXPECT_EQ(room.secret.size(), 32u);
    EXPECT_GT(room.events, 50u) << "gather's run has its tasks, sleeps and prints";

    client viewer{server.port()};
    viewer.send(join(room.room));
    auto joined = viewer.read();
    ASSERT_EQ(joined.at("type").as_string(), "room_joined") << json::serialize(joined);
    EXPECT_EQ(joined.at("programs").at(0).at("scenario").as_string(), "gather");
    EXPECT_EQ(joined.at("position").at("step").as_int64(), 0);
    EXPECT_TRUE(joined.at("poll").is_null());
    EXPECT_FALSE(joined.contains("secret"));
    auto events = viewer.read();
    ASSERT_EQ(events.at("type").as_string(), "room_events");
    const auto& list = events.at("events").as_array();
    ASSERT_EQ(list.size(), room.events);
    EXPECT_EQ(list.at(0).at("kind").as_string(), "run_started");
    EXPECT_EQ(list.back().at("kind").as_string(), "run_finished");
    EXPECT_DOUBLE_EQ(list.back().at("t").to_number<double>(), 3.0) << "the same run as the presenter's: gather takes 3 s";
    presenter.next("room_status", viewers_are(1));

    // Five steps, each followed in order (a reader that keeps up misses none), then a jump that
    // changes everything
    for (std::uint64_t step = 1; step <= 5; ++step) {
        presenter.send(position(room, step));
        auto moved = viewer.read();
        ASSERT_EQ(moved.at("type").as_string(), "room_position") << json::serialize(moved);
        EXPECT_EQ(moved.at("step").as_int64(), static_cast<std::int64_t>(step));
        EXPECT_FALSE(moved.contains("secret"));
    }
    presenter.send(position(room, room.events - 1, true, 4, "predict"));
    auto jumped = viewer.next("room_position");
    EXPECT_EQ(jumped.at("step").to_number<std::uint64_t>(), room.events - 1);
    EXPECT_TRUE(jumped.at("playing").as_bool());
    EXPECT_EQ(jumped.at("speed").to_number<double>(), 4.0);
    EXPECT_EQ(jumped.at("mode").as_string(), "predict");

    // A late viewer starts where the room is
    client late{server.port()};
    late.send(join(room.room));
    EXPECT_EQ(late.next("room_joined").at("position").at("step").to_number<std::uint64_t>(), room.events - 1);
}

TEST_F(Rooms, AReplicasMarkComesBeforeEveryCodeAndOnlyFromTheCodeAlphabet)
{
    // A proxy routes a room's viewers by the mark (docker/nginx/loopscope.conf.template); the random
    // part stays as long, so a code is no easier to guess
    auto config = config_for(root_);
    config.room_code_prefix = "B";
    {
        test_server server{config};
        client presenter{server.port()};
        auto room = create_room(presenter);
        EXPECT_EQ(room.room.size(), 7u);
        EXPECT_EQ(room.room.front(), 'B') << room.room;
        client viewer{server.port()};
        viewer.send(join(room.room));
        viewer.next("room_joined");
    }
    for (std::string refused : {"b", "O", "ABCDEFGHJ"}) { // lower case, a letter codes leave out, too long
        config.room_code_prefix = refused;
        EXPECT_THROW(test_server{config}, std::invalid_argument) << refused;
    }
}

TEST_F(Rooms, TheCompareModeRecordsBothPrograms)
{
    test_server server{config_for(root_)};
    client presenter{server.port()};
    presenter.send({{"type", "room_create"},
                    {"programs", json::array{json::object{{"scenario", "sequential_awaited"}}, json::object{{"scenario", "gather"}}}},
                    {"mode", "compare"}});
    auto created = presenter.next("room_created");
    client viewer{server.port()};
    viewer.send(join(std::string(created.at("room").as_string())));
    EXPECT_EQ(viewer.next("room_joined").at("position").at("mode").as_string(), "compare");
    auto first = viewer.read();
    auto second = viewer.read();
    EXPECT_EQ(first.at("program").as_int64(), 0);
    EXPECT_EQ(second.at("program").as_int64(), 1);
    EXPECT_DOUBLE_EQ(first.at("events").as_array().back().at("t").to_number<double>(), 6.0);
    EXPECT_DOUBLE_EQ(second.at("events").as_array().back().at("t").to_number<double>(), 3.0);
    EXPECT_EQ(second.at("events").as_array().size(), created.at("events").at(1).to_number<std::uint64_t>());
}

TEST_F(Rooms, ThePresenterSeesHowManyFollow)
{
    test_server server{config_for(root_)};
    client presenter{server.port()};
    auto room = create_room(presenter);
    client first{server.port()};
    first.send(join(room.room));
    auto second = std::make_unique<client>(server.port());
    second->send(join(room.room));
    presenter.next("room_status", viewers_are(2));
    EXPECT_EQ(gauge(server.port(), "loopscope_room_viewers"), 2u);

    first.send({{"type", "room_leave"}, {"room", room.room}});
    presenter.next("room_status", viewers_are(1));
    second.reset(); // its connection goes
    presenter.next("room_status", viewers_are(0));
    EXPECT_EQ(gauge(server.port(), "loopscope_rooms"), 1u);
    EXPECT_EQ(gauge(server.port(), "loopscope_room_viewers"), 0u);
}

TEST_F(Rooms, AViewerCannotDrive)
{
    test_server server{config_for(root_)};
    client presenter{server.port()};
    auto room = create_room(presenter);
    client viewer{server.port()}, neighbour{server.port()};
    viewer.send(join(room.room));
    neighbour.send(join(room.room));
    viewer.next("room_events");
    neighbour.next("room_events");

    // Without the secret the message is not even a position; with a guessed one, or with the real
    // one from another connection, the room refuses it
    viewer.send({{"type", "room_position"}, {"room", room.room}, {"step", 3}, {"playing", false}, {"speed", 1}, {"mode", "explore"}});
    viewer.expect_error("missing_field");
    presenter_of guessed = room;
    guessed.secret = std::string(32, '0');
    viewer.send(position(guessed, 9));
    viewer.expect_error("not_presenter");
    viewer.send(position(room, 9));
    viewer.expect_error("not_presenter");
    viewer.send({{"type", "room_poll"}, {"room", room.room}, {"secret", room.secret}, {"action", "open"}, {"lines", 3}});
    viewer.expect_error("not_presenter");
    viewer.send({{"type", "room_close"}, {"room", room.room}, {"secret", room.secret}});
    viewer.expect_error("not_presenter");

    // Nothing of it reached the room: the neighbour's next message is the presenter's step
    presenter.send(position(room, 2));
    auto moved = neighbour.read();
    EXPECT_EQ(moved.at("type").as_string(), "room_position") << json::serialize(moved);
    EXPECT_EQ(moved.at("step").as_int64(), 2);
}

TEST_F(Rooms, EveryRoomErrorHasItsCode)
{
    auto config = config_for(root_);
    config.max_rooms = 1;
    config.max_viewers_per_room = 1;
    test_server server{config};
    client presenter{server.port()};
    auto room = create_room(presenter);

    client viewer{server.port()};
    viewer.send(join("ZZZZZZ"));
    viewer.expect_error("unknown_room");
    viewer.send(join(room.room));
    viewer.next("room_joined");
    client second{server.port()};
    second.send(join(room.room));
    second.expect_error("room_full");

    // max_rooms, and one room per presenting connection
    second.send({{"type", "room_create"}, {"programs", json::array{json::object{{"scenario", "gather"}}}}});
    second.expect_error("too_many_rooms");
    presenter.send({{"type", "room_create"}, {"programs", json::array{json::object{{"scenario", "gather"}}}}});
    presenter.expect_error("too_many_rooms");

    // A step past the room's events; poll answers that cannot count
    presenter.send(position(room, room.events));
    presenter.expect_error("invalid_value");
    viewer.send({{"type", "room_answer"}, {"room", room.room}, {"order", json::array{0, 1}}});
    viewer.expect_error("bad_poll_answer"); // no poll is open
    presenter.send({{"type", "room_poll"}, {"room", room.room}, {"secret", room.secret}, {"action", "open"}, {"lines", 3}});
    viewer.next("room_poll");
    viewer.send({{"type", "room_answer"}, {"room", room.room}, {"order", json::array{0, 1}}});
    viewer.expect_error("bad_poll_answer"); // too short
    viewer.send({{"type", "room_answer"}, {"room", room.room}, {"order", json::array{0, 1, 1}}});
    viewer.expect_error("bad_poll_answer"); // a line twice
    viewer.send({{"type", "room_answer"}, {"room", room.room}, {"order", json::array{0, 1, 3}}});
    viewer.expect_error("bad_poll_answer"); // no line 3
    second.send({{"type", "room_answer"}, {"room", room.room}, {"order", json::array{0, 1, 2}}});
    second.expect_error("unknown_room"); // it does not follow the room

    // The presenter's connection drops: the room waits for it, undriven
    presenter.ws().stream().next_layer().close();
    EXPECT_EQ(viewer.next("room_presenter").at("state").as_string(), "away");
    second.send(position(room, 1));
    second.expect_error("presenter_gone"); // the secret is right, but this connection has not reclaimed the room
    second.send({{"type", "room_reclaim"}, {"room", room.room}, {"secret", std::string(32, '0')}});
    second.expect_error("not_presenter");
    second.send({{"type", "room_reclaim"}, {"room", "ZZZZZZ"}, {"secret", room.secret}});
    second.expect_error("unknown_room");
    second.send({{"type", "room_reclaim"}, {"room", room.room}});
    second.expect_error("missing_field");
}

TEST_F(Rooms, ARoomWhoseEventsPassTheBoundIsRefused)
{
    auto config = config_for(root_);
    config.max_room_event_bytes = 2000;
    test_server server{config};
    client presenter{server.port()};
    presenter.send({{"type", "room_create"}, {"programs", json::array{json::object{{"scenario", "gather"}}}}});
    presenter.expect_error("room_too_large");
    EXPECT_EQ(gauge(server.port(), "loopscope_rooms"), 0u);
    // An endless program stops at the bound too, instead of recording forever
    presenter.send({{"type", "room_create"},
                    {"programs", json::array{json::object{{"source", "import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(1)\nasyncio.run(main())\n"}}}}});
    presenter.expect_error("room_too_large");
}

TEST_F(Rooms, WhenThePresenterDoesNotComeBackViewersAreToldAndTheRoomGoesAfterItsLinger)
{
    auto config = config_for(root_);
    config.room_linger = 300ms;
    test_server server{config};
    auto presenter = std::make_unique<client>(server.port());
    auto room = create_room(*presenter);
    client first{server.port()}, second{server.port()};
    first.send(join(room.room));
    second.send(join(room.room));
    presenter->send(position(room, 4));
    first.next("room_position");
    second.next("room_position");

    presenter.reset();
    EXPECT_EQ(first.next("room_presenter").at("state").as_string(), "away");
    EXPECT_EQ(second.next("room_presenter").at("state").as_string(), "away");
    // Nobody reclaims it: after room_linger the room ends for its viewers, and its code is free
    EXPECT_EQ(first.next("room_ended").at("reason").as_string(), "presenter_left");
    EXPECT_EQ(second.next("room_ended").at("reason").as_string(), "presenter_left");
    EXPECT_EQ(gauge(server.port(), "loopscope_room_viewers"), 0u);
    EXPECT_EQ(gauge(server.port(), "loopscope_rooms"), 0u);
    first.send(join(room.room));
    first.expect_error("unknown_room");
    client back{server.port()};
    back.send({{"type", "room_reclaim"}, {"room", room.room}, {"secret", room.secret}});
    back.expect_error("unknown_room"); // too late
}

TEST_F(Rooms, ThePresenterReclaimsTheRoomOnANewConnectionAndTheViewersFollowOn)
{
    test_server server{config_for(root_)}; // room_linger's default (60 s): no race with the reclaim
    auto presenter = std::make_unique<client>(server.port());
    auto room = create_room(*presenter);
    client first{server.port()}, second{server.port()};
    first.send(join(room.room));
    second.send(join(room.room));
    presenter->send({{"type", "room_poll"}, {"room", room.room}, {"secret", room.secret}, {"action", "open"}, {"lines", 2}});
    presenter->send(position(room, 4, true, 2));
    first.next("room_position");
    second.next("room_position");

    // A reload of the presenter's page: its connection drops
    presenter.reset();
    EXPECT_EQ(first.next("room_presenter").at("state").as_string(), "away");
    EXPECT_EQ(second.next("room_presenter").at("state").as_string(), "away");
    // A viewer may still join, and is told the presenter is away
    client late{server.port()};
    late.send(join(room.room));
    late.next("room_joined");
    late.next("room_events");
    EXPECT_EQ(late.next("room_presenter").at("state").as_string(), "away");

    // The new connection takes the room back with its secret, and gets what it needs to go on
    client again{server.port()};
    again.send({{"type", "room_reclaim"}, {"room", room.room}, {"secret", room.secret}});
    auto reclaimed = again.next("room_reclaimed");
    EXPECT_EQ(reclaimed.at("room").as_string(), room.room);
    EXPECT_EQ(reclaimed.at("programs").at(0).at("scenario").as_string(), "gather");
    EXPECT_EQ(reclaimed.at("events").at(0).to_number<std::uint64_t>(), room.events);
    EXPECT_EQ(reclaimed.at("position").at("step").to_number<std::uint64_t>(), 4u);
    EXPECT_EQ(reclaimed.at("position").at("speed").to_number<double>(), 2.0);
    EXPECT_EQ(reclaimed.at("poll").at("state").as_string(), "open");
    EXPECT_EQ(again.next("room_events").at("events").as_array().size(), room.events);
    again.next("room_status", viewers_are(3));
    for (client* viewer : {&first, &second, &late})
        EXPECT_EQ(viewer->next("room_presenter").at("state").as_string(), "back");

    // It drives; every viewer follows
    again.send(position(room, 5));
    for (client* viewer : {&first, &second, &late})
        EXPECT_EQ(viewer->next("room_position").at("step").to_number<std::uint64_t>(), 5u);

    // Another connection with the secret takes over from one still open (a second tab): the first is told
    client tab{server.port()};
    tab.send({{"type", "room_reclaim"}, {"room", room.room}, {"secret", room.secret}});
    tab.next("room_reclaimed");
    EXPECT_EQ(again.next("room_ended").at("reason").as_string(), "reclaimed");
    again.send(position(room, 6));
    again.expect_error("not_presenter");
    tab.send(position(room, 7));
    auto moved = first.read();
    EXPECT_EQ(moved.at("type").as_string(), "room_position") << "no room_presenter: the presenter was never away";
    EXPECT_EQ(moved.at("step").to_number<std::uint64_t>(), 7u);
}

TEST_F(Rooms, ThePresenterSeesThePollsDistributionAndRevealsIt)
{
    test_server server{config_for(root_)};
    client presenter{server.port()};
    auto room = create_room(presenter);
    client right{server.port()}, wrong{server.port()};
    right.send(join(room.room));
    wrong.send(join(room.room));
    right.next("room_joined");
    wrong.next("room_joined");

    presenter.send({{"type", "room_poll"}, {"room", room.room}, {"secret", room.secret}, {"action", "open"}, {"lines", 3}});
    EXPECT_EQ(right.next("room_poll").at("state").as_string(), "open");
    EXPECT_EQ(wrong.next("room_poll").at("lines").as_int64(), 3);
    right.send({{"type", "room_answer"}, {"room", room.room}, {"order", json::array{0, 1, 2}}});
    wrong.send({{"type", "room_answer"}, {"room", room.room}, {"order", json::array{2, 0, 1}}});
    // Changing one's mind replaces the earlier answer
    wrong.send({{"type", "room_answer"}, {"room", room.room}, {"order", json::array{1, 0, 2}}});

    auto status = presenter.next("room_status", [](const json::object& s) {
        if (s.at("poll").is_null()) return false;
        const auto& places = s.at("poll").at("places");
        return s.at("poll").at("answers").as_int64() == 2 && places.at(2).at(2).as_int64() == 2;
    });
    const auto& poll = status.at("poll");
    EXPECT_EQ(poll.at("all_right").as_int64(), 1);
    EXPECT_EQ(poll.at("places"), json::parse("[[1,1,0],[1,1,0],[0,0,2]]")) << json::serialize(poll);

    presenter.send({{"type", "room_poll"}, {"room", room.room}, {"secret", room.secret}, {"action", "reveal"}});
    EXPECT_EQ(right.next("room_poll").at("state").as_string(), "revealed");
    EXPECT_EQ(wrong.next("room_poll").at("state").as_string(), "revealed");
    right.send({{"type", "room_answer"}, {"room", room.room}, {"order", json::array{0, 1, 2}}});
    right.expect_error("bad_poll_answer"); // the poll is no longer open
}

TEST_F(Rooms, AViewerThatStopsReadingGetsNoBacklog)
{
    test_server server{config_for(root_)};
    client presenter{server.port()};
    auto room = create_room(presenter);
    client reader{server.port()};
    client stalled{server.port(), 4096};
    reader.send(join(room.room));
    stalled.send(join(room.room));
    reader.next("room_events");
    presenter.next("room_status", viewers_are(2));
    // From here `stalled` reads nothing until the presenter is done

    // The presenter steps many times; an error reply after each thousand steps says the server has
    // handled them all, and the bytes it holds for clients are measured then
    constexpr std::uint64_t steps = 60'000;
    std::uint64_t most_queued = 0;
    for (std::uint64_t i = 1; i <= steps; ++i) {
        // The last step is one no earlier step used, so that a reader can tell it from the others
        presenter.send(position(room, i == steps ? room.events - 1 : i % (room.events - 1)));
        if (i % 1000 == 0) {
            presenter.send(position(room, room.events)); // one past the end: refused
            presenter.expect_error("invalid_value");
            most_queued = std::max(most_queued, gauge(server.port(), "loopscope_send_queue_bytes"));
        }
    }
    const std::uint64_t last = room.events - 1;
    EXPECT_EQ(reader.next("room_position", [&](const json::object& p) { return p.at("step").to_number<std::uint64_t>() == last; })
                  .at("step")
                  .to_number<std::uint64_t>(),
              last);
    // Conflation: the stalled viewer's queue holds one position (and the one being written), never
    // the 20,000 the presenter sent (about 2 MB)
    EXPECT_LT(most_queued, 4096u) << "bytes the server held for its clients at the worst moment";

    // When it reads again it gets the newest position, having skipped most of them
    std::uint64_t received = 0, latest = 0;
    stalled.next("room_events");
    while (latest != last) {
        auto message = stalled.next("room_position");
        latest = message.at("step").to_number<std::uint64_t>();
        ++received;
    }
    // (TCP's buffers took a few MB of them before the server had to hold anything back)
    EXPECT_LT(received, steps) << "a viewer that stops reading is not sent every step";
    std::printf("%llu steps: at most %llu bytes queued for clients; the stalled viewer got %llu positions\n",
                static_cast<unsigned long long>(steps), static_cast<unsigned long long>(most_queued),
                static_cast<unsigned long long>(received));
    EXPECT_EQ(gauge(server.port(), "loopscope_websockets"), 3u) << "nobody was dropped as a slow consumer";
}

TEST_F(Rooms, PositionsWrittenStraightIntoASlowViewersSocketKeepItsStreamWholeWithItsPings)
{
    // A position's frame goes straight into a viewer's socket (shared_frame_writer). A viewer that
    // reads slowly makes the socket take only part of one: the rest must go out before anything Beast
    // writes (the next position, the pong to the viewer's ping), or the viewer's stream is corrupt.
    test_server server{config_for(root_)};
    client presenter{server.port()};
    auto room = create_room(presenter);
    client slow{server.port(), 2048};
    slow.send(join(room.room));
    slow.next("room_events");
    presenter.next("room_status", viewers_are(1));

    const std::uint64_t last = room.events - 1;
    // Enough steps to fill the socket's buffers (TCP grows them to megabytes), then fill and drain
    constexpr std::uint64_t rounds = 80, steps_per_round = 1000;
    std::uint64_t split = 0;
    for (std::uint64_t round = 0; round < rounds; ++round) {
        for (std::uint64_t i = 1; i <= steps_per_round; ++i) presenter.send(position(room, i % last));
        presenter.send(position(room, room.events)); // one past the end: refused, once every step before it is handled
        presenter.expect_error("invalid_value");
        slow.ws().stream().ping({}); // answered by Beast while the socket is full
        // A little reading now and then: the socket fills and drains, and frames are split at its edge
        if (round >= rounds / 2) {
            for (int j = 0; j < 300; ++j) ASSERT_NO_THROW(slow.read()) << "a frame that is not whole JSON, or a broken stream";
        }
        split = gauge(server.port(), "loopscope_room_positions_split_total");
    }
    presenter.send(position(room, last));
    // Every message up to the last step parses (read() throws on a corrupt frame or JSON)
    std::uint64_t step = 0, read = 0;
    while (step != last) {
        auto message = slow.read();
        ++read;
        if (message.at("type").as_string() == "room_position") step = message.at("step").to_number<std::uint64_t>();
    }
    EXPECT_GT(gauge(server.port(), "loopscope_room_positions_direct_total"), 0u);
    EXPECT_GT(split, 0u) << "no frame was split: the test did not reach the case it is for";
    std::printf("%llu positions read; %llu frames split at the socket's edge\n", static_cast<unsigned long long>(read),
                static_cast<unsigned long long>(split));
    EXPECT_EQ(gauge(server.port(), "loopscope_websockets"), 2u) << "nobody was dropped";
}

TEST_F(Rooms, EveryViewerOfARoomLargerThanOneTurnGetsTheNewestPosition)
{
    // 1,100 viewers: a fan-out takes three turns of the thread (512 viewers a turn), and the presenter
    // steps on while it goes; every viewer must still end on the last position, none on an older one
    test_server server{config_for(root_)};
    client presenter{server.port()};
    auto room = create_room(presenter);
    std::vector<std::unique_ptr<ws_client>> viewers;
    for (int i = 0; i < 1100; ++i) {
        viewers.push_back(std::make_unique<ws_client>(server.port()));
        viewers.back()->read(); // hello
        viewers.back()->write_text(json::serialize(join(room.room)));
    }
    presenter.next("room_status", viewers_are(1100));
    for (std::uint64_t step = 1; step < room.events; ++step) presenter.send(position(room, step));

    std::uint64_t positions = 0;
    for (auto& viewer : viewers) {
        std::uint64_t step = 0, previous = 0;
        while (step != room.events - 1) { // each read is bounded by reply_timeout
            auto message = json::parse(viewer->read()).as_object();
            if (message.at("type").as_string() != "room_position") continue;
            step = message.at("step").to_number<std::uint64_t>();
            EXPECT_GT(step, previous) << "positions arrive newest last";
            previous = step;
            ++positions;
        }
    }
    std::printf("%llu positions reached 1,100 viewers for %llu steps\n", static_cast<unsigned long long>(positions),
                static_cast<unsigned long long>(room.events - 1));
}

} // namespace
