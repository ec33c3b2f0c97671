package dev.bosun.charm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.charm.event.Start;
import dev.bosun.charm.fake.FakeBackend;
import dev.bosun.charm.fake.TestCharms;
import dev.bosun.charm.spi.HookOutcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Pebble templates for configuration files. */
class TemplatesTest {

  private static Templates templates(Map<String, String> files) {
    return new CharmDefinition(TestCharms.ETCD, () -> ctx -> {}, CharmFiles.of("etcd", files))
        .templates();
  }

  @Test
  void rendersATemplateWithVariablesLoopsAndConditions() {
    Templates templates =
        templates(
            Map.of(
                "templates/etcd.conf.yml",
                """
                name: {{ name }}
                initial-cluster: {% for m in members %}{{ m.name }}=https://{{ m.address }}:2380{% if not loop.last %},{% endif %}{% endfor %}
                {% if tls -%}
                client-transport-security:
                  cert-file: {{ certFile }}
                {% endif -%}
                port: {{ port }}
                """));

    String rendered =
        templates.render(
            "etcd.conf.yml",
            Map.of(
                "name",
                "etcd0",
                "members",
                List.of(
                    Map.of("name", "etcd0", "address", "10.0.0.1"),
                    Map.of("name", "etcd1", "address", "10.0.0.2")),
                "tls",
                true,
                "certFile",
                "/etc/ssl/etcd/server.crt",
                "port",
                2379));

    assertThat(rendered)
        .isEqualTo(
            """
            name: etcd0
            initial-cluster: etcd0=https://10.0.0.1:2380,etcd1=https://10.0.0.2:2380
            client-transport-security:
              cert-file: /etc/ssl/etcd/server.crt
            port: 2379
            """);
  }

  @Test
  void keepsNewlinesAfterTagsAsJinjaDoes() {
    Templates templates =
        templates(Map.of("templates/list", "{% for x in xs %}\n- {{ x }}{% endfor %}\nend\n"));

    assertThat(templates.render("list", Map.of("xs", List.of("a", "b"))))
        .isEqualTo("\n- a\n- b\nend\n");
  }

  @Test
  void doesNotEscapeHtml() {
    Templates templates = templates(Map.of("templates/env", "ARGS=\"{{ args }}\"\n"));

    assertThat(templates.render("env", Map.of("args", "--listen=<all> & 'quoted' \"x\"")))
        .isEqualTo("ARGS=\"--listen=<all> & 'quoted' \"x\"\"\n");
  }

  @Test
  void anUndefinedVariableIsAnErrorNamingTemplateAndLine() {
    Templates templates =
        templates(Map.of("templates/etcd.conf", "name: {{ name }}\nport: {{ prot }}\n"));

    assertThatThrownBy(() -> templates.render("etcd.conf", Map.of("name", "etcd0", "port", 1)))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("cannot render template \"etcd.conf\" (etcd) line 2: ")
        .hasMessageContaining("[prot] does not exist")
        .extracting(e -> ((TemplateException) e).template())
        .isEqualTo("etcd.conf");
  }

  @Test
  void aMissingTemplateNamesTheTemplateAndTheCharm() {
    Templates templates = templates(Map.of());

    assertThatThrownBy(() -> templates.render("etcd.conf", Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template \"etcd.conf\" not found: etcd has no file templates/etcd.conf");
    assertThatThrownBy(() -> templates.render("../metadata.yaml", Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("must be a relative path inside templates/");
  }

  @Test
  void aSyntaxErrorNamesTheLine() {
    Templates templates = templates(Map.of("templates/broken", "line one\n{% if x %}\nno end\n"));

    assertThatThrownBy(() -> templates.render("broken", Map.of("x", true)))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "cannot render template \"broken\" (etcd) line 4: Unexpected end of template. Pebble"
                + " was looking for the \"endif\" tag");
  }

  @Test
  void includesOtherTemplatesRelativeToTheIncludingOne() {
    Templates templates =
        templates(
            Map.of(
                "templates/systemd/etcd.service", "[Service]\n{% include './env' %}",
                "templates/systemd/env", "Environment=NAME={{ name }}\n"));

    assertThat(templates.render("systemd/etcd.service", Map.of("name", "etcd0")))
        .isEqualTo("[Service]\nEnvironment=NAME=etcd0\n");
  }

  @Test
  void compilesEachTemplateOncePerCharmDefinition() {
    AtomicInteger reads = new AtomicInteger();
    CharmFiles counting =
        new CharmFiles() {
          @Override
          public Optional<String> readText(String path) {
            reads.incrementAndGet();
            return Optional.of("{{ n }}");
          }

          @Override
          public String describe() {
            return "counting";
          }
        };
    CharmDefinition definition = new CharmDefinition(TestCharms.ETCD, () -> ctx -> {}, counting);

    for (int i = 0; i < 5; i++) {
      assertThat(definition.templates().render("t", Map.of("n", i))).isEqualTo(String.valueOf(i));
    }

    assertThat(definition.templates()).isSameAs(definition.templates());
    assertThat(reads.get()).isEqualTo(1);
  }

  @Test
  void aHookRendersTheCharmsTemplatesThroughItsContext() {
    Map<String, String> seen = new HashMap<>();
    CharmDefinition charm =
        TestCharms.etcd(
            ctx -> seen.put("motd", ctx.templates().render("motd", Map.of("unit", ctx.unitName()))),
            Map.of("templates/motd", "Welcome to {{ unit }}"));

    HookOutcome outcome = FakeBackend.builder(charm, new Start()).run();

    assertThat(outcome.succeeded()).isTrue();
    assertThat(seen).containsEntry("motd", "Welcome to etcd/0");
  }
}
