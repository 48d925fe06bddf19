/*
 * The kernel calls of the emberpy `sched-freertos` backend, with fixed-width
 * types on the Rust side.
 *
 * Rust calls these instead of the kernel API directly because the kernel's
 * types differ between ports (TickType_t and BaseType_t are 64 bits wide on
 * the Posix port and 32 bits on Cortex-M) and because several calls are
 * macros (taskYIELD, xSemaphoreGive, ulTaskNotifyTake, portMAX_DELAY).
 */
#include "FreeRTOS.h"
#include "semphr.h"
#include "task.h"

#ifdef __linux__
#    include <stdio.h>
#    include <stdlib.h>
#    include <time.h>
#    include <unistd.h>
#endif

/* A wait of this many ticks has no timeout. */
#define EMBERPY_RTOS_FOREVER UINT32_MAX

static TickType_t emberpy_ticks(uint32_t ticks) {
    return ticks == EMBERPY_RTOS_FOREVER ? portMAX_DELAY : (TickType_t)ticks;
}

void emberpy_rtos_assert_failed(const char *file, int line) {
#ifdef __linux__
    fprintf(stderr, "FreeRTOS assertion failed at %s:%d\n", file, line);
    abort();
#else
    (void)file;
    (void)line;
    taskDISABLE_INTERRUPTS();
    for (;;) {
    }
#endif
}

int32_t emberpy_rtos_task_create(TaskFunction_t entry, const char *name, size_t stack_bytes, void *param,
                                 uint32_t priority, TaskHandle_t *handle) {
    configSTACK_DEPTH_TYPE depth = (configSTACK_DEPTH_TYPE)(stack_bytes / sizeof(StackType_t));
    return xTaskCreate(entry, name, depth, param, (UBaseType_t)priority, handle) == pdPASS ? 0 : -1;
}

void emberpy_rtos_task_delete(TaskHandle_t task) {
    vTaskDelete(task);
}

void emberpy_rtos_notify(TaskHandle_t task) {
    (void)xTaskNotifyGive(task);
}

uint32_t emberpy_rtos_notify_wait(uint32_t ticks) {
    return ulTaskNotifyTake(pdTRUE, emberpy_ticks(ticks));
}

void emberpy_rtos_park(void) {
    for (;;) {
        (void)ulTaskNotifyTake(pdTRUE, portMAX_DELAY);
    }
}

void emberpy_rtos_yield(void) {
    taskYIELD();
}

void emberpy_rtos_suspend_all(void) {
    vTaskSuspendAll();
}

void emberpy_rtos_resume_all(void) {
    (void)xTaskResumeAll();
}

SemaphoreHandle_t emberpy_rtos_mutex_create(void) {
    return xSemaphoreCreateMutex();
}

void emberpy_rtos_mutex_take(SemaphoreHandle_t mutex) {
    while (xSemaphoreTake(mutex, portMAX_DELAY) != pdTRUE) {
    }
}

void emberpy_rtos_mutex_give(SemaphoreHandle_t mutex) {
    (void)xSemaphoreGive(mutex);
}

void emberpy_rtos_mutex_delete(SemaphoreHandle_t mutex) {
    vSemaphoreDelete(mutex);
}

size_t emberpy_rtos_free_heap(void) {
    return xPortGetFreeHeapSize();
}

uint32_t emberpy_rtos_tick_rate_hz(void) {
    return (uint32_t)configTICK_RATE_HZ;
}

void emberpy_rtos_start_scheduler(void) {
    vTaskStartScheduler();
}

#ifdef __linux__

/* The Posix port has no interrupts, so nothing runs inside one. */
long xPortIsInsideInterrupt(void) {
    return 0;
}

/* Called by the idle task on every loop: wait for the next tick signal
 * (which ends the sleep early) instead of spinning on a host core. */
void vApplicationIdleHook(void) {
    struct timespec pause_for = {0, 1000000};
    (void)nanosleep(&pause_for, NULL);
}

/* End the scheduler from the calling task. On the Posix port this makes
 * vTaskStartScheduler return in the host thread, which then deletes the
 * calling task; until then its thread waits at a cancellation point. */
void emberpy_rtos_end_scheduler(void) {
    vTaskEndScheduler();
    for (;;) {
        (void)pause();
    }
}

/* Reset the kernel's and heap_4's state so that the scheduler can start
 * again in the same process. */
void emberpy_rtos_reset(void) {
    vTaskResetState();
    vPortHeapResetState();
}

#else

/* The tick count widened to 64 bits. Call it at least once per tick-counter
 * wrap (49 days at 1 kHz) to notice every wrap. */
uint64_t emberpy_rtos_ticks(void) {
    static TickType_t last;
    static uint32_t wraps;
    uint64_t now;

    taskENTER_CRITICAL();
    {
        TickType_t ticks = xTaskGetTickCount();
        if (ticks < last) {
            wraps++;
        }
        last = ticks;
        now = ((uint64_t)wraps << 32) | (uint64_t)ticks;
    }
    taskEXIT_CRITICAL();
    return now;
}

#endif
