package io.github.creditrisk.spring.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest application using the auto-configuration: nothing of its own (outside its packages, as an application is). */
@SpringBootApplication
public class TestApplication {
}
