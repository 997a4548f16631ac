#!/usr/bin/env python3
"""The Docker files, checked without a Docker engine: the Dockerfile parsed instruction by instruction,
its runtime packages against what the built binary links, what its npm install brings against what the
page's build imports, the compose file against the proxy template and Debian's docker-compose.
Usage: dockerfile_test.py SOURCE_DIR LOOPSCOPE"""
import json
import os
import re
import shlex
import shutil
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


def node_satisfies(version, engines):
    """Whether Node `version` (a tuple) meets an `engines.node` range of the forms npm packages here use:
    `>=X[.Y[.Z]]`, alone or joined by spaces; any other form is refused rather than guessed."""
    for condition in engines.split():
        match = re.fullmatch(r">=(\d+)(?:\.(\d+))?(?:\.(\d+))?", condition)
        if not match:
            raise ValueError(f"an engines range this test does not read: {engines!r}")
        if version < tuple(int(part or 0) for part in match.groups()):
            return False
    return True


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

    def test_a_ca_for_a_tls_intercepting_proxy_reaches_npm_in_the_build_stage_only(self):
        build_args = self.of("ARG", stage=0)
        self.assertIn('EXTRA_CA_CERTS=""', build_args)
        build = " ".join(self.of("RUN", stage=0))
        # npm trusts it besides its own roots, before setup.sh runs `npm ci`
        self.assertRegex(build, r'printf .%s\\n. "\$EXTRA_CA_CERTS" >(\S+);.*export NODE_EXTRA_CA_CERTS=\1;.*scripts/setup\.sh')
        self.assertEqual([a for a in self.of("ARG", self.final) if "EXTRA_CA_CERTS" in a], [],
                         "the shipped stage keeps no CA argument")

    def test_the_build_installs_only_what_the_page_build_needs_on_debians_node(self):
        build = " ".join(self.of("RUN", stage=0))
        self.assertRegex(build, r"scripts/setup\.sh(?! --tests)", "setup.sh without --tests: no test tools")
        with open(os.path.join(SOURCE, "scripts", "setup.sh")) as file:
            self.assertIn("npm_omit=(--omit=dev)", file.read())
        with open(os.path.join(SOURCE, "package.json")) as file:
            dependencies = set(json.load(file)["dependencies"])
        # Every package the page's build imports is installed without the devDependencies
        imported = set()
        for source in ("web/build.mjs", "web/editor_bundle.mjs"):
            with open(os.path.join(SOURCE, source)) as file:
                for name in re.findall(r"""^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"./][^'"]*)['"]""",
                                       file.read(), re.MULTILINE):
                    imported.add("/".join(name.split("/")[:2]) if name.startswith("@") else name.split("/")[0])
        self.assertIn("esbuild", imported)
        self.assertEqual(imported - dependencies, set(), "imported by the page's build but a devDependency")
        # and each of them runs on bookworm's Node (18.19), which the build stage installs
        with open(os.path.join(SOURCE, "package-lock.json")) as file:
            packages = json.load(file)["packages"]
        for path, package in packages.items():
            if path and not package.get("dev") and "node" in package.get("engines", {}):
                self.assertTrue(node_satisfies((18, 19, 0), package["engines"]["node"]), (path, package["engines"]))
        # while the browser tests' driver, which is left out, would not
        self.assertFalse(node_satisfies((18, 19, 0), packages["node_modules/playwright-core"]["engines"]["node"]))
        self.assertTrue(packages["node_modules/playwright-core"].get("dev"))

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
        self.proxy_steps = instructions(os.path.join(SOURCE, "docker", "nginx", "Dockerfile"))

    def replicas(self):
        return {name for name, service in self.compose["services"].items() if service.get("image") == "loopscope:latest"}

    def test_replicas_behind_a_proxy_with_one_published_port(self):
        services = self.compose["services"]
        self.assertGreaterEqual(len(self.replicas()), 2)
        # Every replica has the same build (so that neither Compose pulls loopscope:latest for one without)
        built = [services[name].get("build") for name in sorted(self.replicas())]
        self.assertEqual(built, [{"context": "..", "dockerfile": "docker/Dockerfile",
                                  "args": {"EXTRA_CA_CERTS": "${EXTRA_CA_CERTS:-}"}}] * len(built))
        published = [port for service in services.values() for port in service.get("ports", [])]
        self.assertEqual(published, ["${LOOPSCOPE_PUBLISH:-8080}:8080"])

    def test_the_proxy_fills_every_template_variable_and_points_at_the_replicas(self):
        proxy = self.compose["services"]["proxy"]
        variables = set(re.findall(r"\$\{(\w+)\}", self.template))
        self.assertEqual(variables, set(proxy["environment"]))
        backends = {value.split(":")[0] for key, value in proxy["environment"].items() if key.startswith("BACKEND_")}
        self.assertEqual(backends, self.replicas())

    def test_each_replicas_room_codes_are_routed_to_it(self):
        # What proxy_test.py's RoomsAcrossReplicasTest proves with a real nginx for A and B; here, that
        # compose gives every replica its own mark and that the template's map sends that mark to an
        # upstream whose first server is that replica (the others only its backups).
        services = self.compose["services"]
        backends = {value.split(":")[0]: "${%s}" % key
                    for key, value in services["proxy"]["environment"].items() if key.startswith("BACKEND_")}
        routes = dict(re.findall(r"^\s*~\^(\w+)\s+(\w+);", self.template, re.MULTILINE))
        marks = {name: services[name]["environment"].get("LOOPSCOPE_ROOM_CODE_PREFIX") for name in self.replicas()}
        self.assertEqual(len(set(marks.values())), len(marks), marks)
        self.assertEqual(set(routes), set(marks.values()))
        for name, mark in marks.items():
            upstream = re.search(r"upstream %s \{(.*?)\n\}" % routes[mark], self.template, re.DOTALL).group(1)
            servers = re.findall(r"^\s*server (\S+)(.*);$", upstream, re.MULTILINE)
            self.assertEqual(servers[0], (backends[name], " max_fails=0"), upstream)
            self.assertTrue(all(rest == " backup" for _, rest in servers[1:]), upstream)
        self.assertIn("proxy_pass http://$loopscope_websocket_upstream;", self.template)

    def test_the_proxy_image_is_debians_nginx_with_the_template(self):
        proxy = self.compose["services"]["proxy"]
        self.assertEqual(proxy["build"], {"context": "nginx"})
        self.assertEqual([a for _, k, a in self.proxy_steps if k == "FROM"], ["debian:bookworm-slim"])
        run = " ".join(a for _, k, a in self.proxy_steps if k == "RUN")
        self.assertRegex(run, r"apt-get install .*\bnginx\b")
        self.assertIn("COPY loopscope.conf.template /etc/nginx/templates/loopscope.conf.template",
                      [f"COPY {a}" for _, k, a in self.proxy_steps if k == "COPY"])
        # envsubst fills in exactly the template's variables (so nginx's own $names stay), with defaults
        command = " ".join(exec_form([a for _, k, a in self.proxy_steps if k == "CMD"][-1]))
        listed = re.search(r"envsubst '([^']*)'", command).group(1)
        variables = set(re.findall(r"\$\{(\w+)\}", self.template))
        self.assertEqual(set(re.findall(r"\$\{(\w+)\}", listed)), variables)
        environment = " ".join(a for _, k, a in self.proxy_steps if k == "ENV")
        for variable in variables:
            self.assertRegex(environment, rf"\b{variable}=\S+")

    def test_the_template_upgrades_websockets(self):
        self.assertIn("proxy_set_header Upgrade $http_upgrade;", self.template)
        self.assertIn("proxy_http_version 1.1;", self.template)
        self.assertRegex(self.template, r"proxy_read_timeout \d+[smh];")

    def test_a_dead_replica_is_given_up_quickly_by_every_worker(self):
        # What proxy_test.py's DeadReplicaTest proves with a real nginx; here, that each location says so
        upstream = re.search(r"upstream loopscope \{(.*?)\n\}", self.template, re.DOTALL).group(1)
        self.assertRegex(upstream, r"\n\s*zone \w+ \d+k;")
        for server in re.findall(r"^\s*server .*$", upstream, re.MULTILINE):
            self.assertRegex(server, r"max_fails=1 fail_timeout=\d+s;")
        locations = re.findall(r"location [^{]*\{(.*?)\n    \}", self.template, re.DOTALL)
        self.assertEqual(len(locations), 2)
        for location in locations:
            timeout = re.search(r"proxy_connect_timeout (\d+)s;", location)
            self.assertTrue(timeout and int(timeout.group(1)) <= 2, location)
            # tried on the other replica, and only idempotent requests (nginx's default without non_idempotent)
            self.assertEqual(re.findall(r"^\s*proxy_next_upstream .*$", location, re.MULTILINE),
                             ["        proxy_next_upstream error timeout http_503;"])

    @unittest.skipUnless(shutil.which("docker-compose"), "Debian's docker-compose (1.29) is not installed")
    def test_debians_docker_compose_accepts_the_file(self):
        # Compose v2 reads the same file; 1.29 is the stricter of the two (it refuses `name:`, for one).
        # `config` reads and checks the file only: no Docker engine is needed.
        checked = subprocess.run(["docker-compose", "-f", os.path.join(SOURCE, "docker", "compose.yaml"), "config", "-q"],
                                 capture_output=True, text=True, env={**os.environ, "DOCKER_HOST": "unix:///nonexistent"})
        self.assertEqual(checked.returncode, 0, checked.stderr)


if __name__ == "__main__":
    SOURCE, LOOPSCOPE = sys.argv[1:3]
    del sys.argv[1:3]
    unittest.main(verbosity=2)
