#!/usr/bin/env python3
"""The Docker files, checked without a Docker engine: the Dockerfile parsed instruction by instruction,
its runtime packages against what the built binary links, the compose file against the proxy template.
Usage: dockerfile_test.py SOURCE_DIR LOOPSCOPE"""
import os
import re
import shlex
import subprocess
import sys
import unittest

import yaml

SOURCE = LOOPSCOPE = None
# Already in debian:bookworm-slim (apt itself needs them).
BASE_PACKAGES = {"libc6", "libgcc-s1", "libstdc++6"}


def instructions(path):
    """[(stage index, INSTRUCTION, arguments)], continuation lines joined, comments dropped."""
    result, stage, pending = [], -1, ""
    with open(path) as dockerfile:
        for raw in dockerfile:
            line = raw.rstrip("\n")
            if not pending and (not line.strip() or line.lstrip().startswith("#")):
                continue
            if line.endswith("\\"):
                pending += line[:-1] + " "
                continue
            line, pending = pending + line, ""
            keyword, _, arguments = line.strip().partition(" ")
            keyword = keyword.upper()
            if keyword == "FROM":
                stage += 1
            result.append((stage, keyword, arguments.strip()))
    return result


def exec_form(arguments):
    """["a", "b"] (exec form) or a shell string split into words."""
    if arguments.startswith("["):
        return yaml.safe_load(arguments)
    return shlex.split(arguments)


class DockerfileTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.steps = instructions(os.path.join(SOURCE, "docker", "Dockerfile"))
        cls.final = max(stage for stage, _, _ in cls.steps)
        cls.stage_names = {}
        for stage, keyword, arguments in cls.steps:
            if keyword == "FROM":
                words = arguments.split()
                if len(words) == 3 and words[1].upper() == "AS":
                    cls.stage_names[words[2]] = stage

    def of(self, keyword, stage=None):
        return [arguments for s, k, arguments in self.steps if k == keyword and (stage is None or s == stage)]

    def test_stages_build_on_bookworm_and_run_on_slim(self):
        froms = self.of("FROM")
        self.assertEqual(len(froms), 2)
        self.assertTrue(froms[0].startswith("debian:bookworm "), froms[0])
        self.assertTrue(froms[1].startswith("debian:bookworm-slim"), froms[1])

    def test_every_copy_source_exists(self):
        for arguments in self.of("COPY"):
            words = arguments.split()
            if words[0].startswith("--from="):
                self.assertIn(words[0].split("=", 1)[1], self.stage_names, arguments)
                continue
            for source in words[:-1]:
                self.assertTrue(os.path.exists(os.path.join(SOURCE, source)), f"COPY source {source} is missing")

    def test_the_build_stage_uses_the_projects_scripts_and_presets(self):
        build = " ".join(self.of("RUN", stage=0))
        self.assertIn("scripts/setup.sh", build)
        self.assertIn("cmake --preset release", build)
        self.assertIn("cmake --build --preset release", build)
        self.assertRegex(build, r"cmake --install build/release --prefix /opt/loopscope")
        # The presets and scripts it names exist
        self.assertTrue(os.access(os.path.join(SOURCE, "scripts", "setup.sh"), os.X_OK))
        with open(os.path.join(SOURCE, "CMakePresets.json")) as file:
            presets = yaml.safe_load(file)
        self.assertIn("release", [p["name"] for p in presets["buildPresets"]])

    def test_the_runtime_starts_the_installed_binary_as_a_non_root_user(self):
        entry = exec_form((self.of("ENTRYPOINT", self.final) or self.of("CMD", self.final))[-1])
        self.assertEqual(entry[0], "/opt/loopscope/bin/loopscope")
        self.assertIn("COPY --from=build /opt/loopscope /opt/loopscope",
                      [f"COPY {a}" for a in self.of("COPY", self.final)])
        users = self.of("USER", self.final)
        self.assertTrue(users, "no USER in the runtime stage")
        self.assertNotIn(users[-1].split(":")[0], ("root", "0"))
        self.assertIn(users[-1].split(":")[0], " ".join(self.of("RUN", self.final)), "the user is created")

    def test_port_health_check_stop_signal_and_environment(self):
        self.assertEqual(self.of("EXPOSE", self.final), ["8080"])
        self.assertEqual(self.of("STOPSIGNAL", self.final), ["SIGTERM"])
        health = self.of("HEALTHCHECK", self.final)[-1]
        command = exec_form(health[health.index("CMD") + 3:].strip())
        self.assertEqual(command, ["/opt/loopscope/bin/loopscope", "--check-health"])
        environment = dict(re.findall(r"(LOOPSCOPE_\w+)=(\S+)", " ".join(self.of("ENV", self.final))))
        self.assertEqual(environment.get("LOOPSCOPE_ADDRESS"), "0.0.0.0")
        self.assertEqual(environment.get("LOOPSCOPE_PORT"), "8080")
        # Every variable it sets is one loopscope reads
        help_text = subprocess.run([LOOPSCOPE, "--help"], capture_output=True, text=True).stdout
        for variable in environment:
            self.assertIn(variable, help_text)

    @unittest.skipIf(os.environ.get("LOOPSCOPE_BUILD_TYPE") == "Debug",
                     "the image is an optimised build; a Debug build links more (libboost_container)")
    def test_the_runtime_packages_cover_what_the_binary_links(self):
        installed = set(re.findall(r"\b(lib[\w.+-]+)", " ".join(self.of("RUN", self.final))))
        linked = subprocess.run(["ldd", LOOPSCOPE], capture_output=True, text=True, check=True).stdout
        needed = set()
        for library in re.findall(r"=> (/\S+)", linked):
            if "libasan" in library or "libubsan" in library:
                continue  # sanitizer builds only
            owner = subprocess.run(["dpkg", "-S", os.path.realpath(library).replace("/usr/lib/", "/lib/")],
                                   capture_output=True, text=True)
            if owner.returncode != 0:
                owner = subprocess.run(["dpkg", "-S", os.path.realpath(library)], capture_output=True, text=True)
            package = owner.stdout.split(":")[0]
            if package:
                needed.add(package)
        self.assertTrue(needed, linked)
        self.assertEqual(needed - BASE_PACKAGES - installed, set(), "linked but not installed in the runtime stage")

    def test_dockerignore_keeps_build_trees_and_node_modules_out(self):
        with open(os.path.join(SOURCE, ".dockerignore")) as file:
            ignored = file.read().split()
        for entry in ("build/", "node_modules/"):
            self.assertIn(entry, ignored)


class ComposeTest(unittest.TestCase):
    def setUp(self):
        with open(os.path.join(SOURCE, "docker", "compose.yaml")) as file:
            self.compose = yaml.safe_load(file)
        with open(os.path.join(SOURCE, "docker", "nginx", "loopscope.conf.template")) as file:
            self.template = file.read()

    def test_replicas_behind_a_proxy_with_one_published_port(self):
        services = self.compose["services"]
        replicas = [name for name, service in services.items() if service.get("image") == "loopscope:latest"]
        self.assertGreaterEqual(len(replicas), 2)
        built = [services[name]["build"] for name in replicas if "build" in services[name]]
        self.assertEqual(built, [{"context": "..", "dockerfile": "docker/Dockerfile"}])
        published = [port for service in services.values() for port in service.get("ports", [])]
        self.assertEqual(published, ["8080:8080"])

    def test_the_proxy_fills_every_template_variable_and_points_at_the_replicas(self):
        proxy = self.compose["services"]["proxy"]
        variables = set(re.findall(r"\$\{(\w+)\}", self.template))
        self.assertEqual(variables, set(proxy["environment"]))
        replicas = {name for name, service in self.compose["services"].items() if service.get("image") == "loopscope:latest"}
        backends = {value.split(":")[0] for key, value in proxy["environment"].items() if key.startswith("BACKEND_")}
        self.assertEqual(backends, replicas)
        self.assertTrue(any("loopscope.conf.template" in volume for volume in proxy["volumes"]))

    def test_the_template_upgrades_websockets(self):
        self.assertIn("proxy_set_header Upgrade $http_upgrade;", self.template)
        self.assertIn("proxy_http_version 1.1;", self.template)
        self.assertRegex(self.template, r"proxy_read_timeout \d+[smh];")


if __name__ == "__main__":
    SOURCE, LOOPSCOPE = sys.argv[1:3]
    del sys.argv[1:3]
    unittest.main(verbosity=2)
