/*
 * FreeRTOS configuration of the emberpy `sched-freertos` backend.
 *
 * `freertos-build` passes the remaining settings on the compiler command
 * line (see build.rs): configTOTAL_HEAP_SIZE, configMINIMAL_STACK_SIZE,
 * configMAX_PRIORITIES, configUSE_PREEMPTION, configCPU_CLOCK_HZ and the
 * interrupt priorities on Cortex-M, and the INCLUDE_* switches that follow
 * the features of `freertos-next`.
 */
#ifndef EMBERPY_FREERTOS_CONFIG_H
#define EMBERPY_FREERTOS_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#if __IS_CORTEX_M
/* The handler names cortex-m-rt expects in its vector table. */
#    define vPortSVCHandler     SVCall
#    define xPortPendSVHandler  PendSV
#    define xPortSysTickHandler SysTick
#endif

/* A failed kernel assertion reports the place and stops (emberpy_rtos.c). */
extern void emberpy_rtos_assert_failed(const char *file, int line);
#define configASSERT(x)                                   \
    do {                                                  \
        if ((x) == 0) {                                   \
            emberpy_rtos_assert_failed(__FILE__, __LINE__); \
        }                                                 \
    } while (0)

#define configTICK_RATE_HZ                   ((TickType_t)1000)
#define configUSE_16_BIT_TICKS               0
#define configMAX_TASK_NAME_LEN              16
#define configUSE_TICK_HOOK                  0
#define configUSE_MALLOC_FAILED_HOOK         0
#define configUSE_STATS_FORMATTING_FUNCTIONS 0
#define configUSE_MUTEXES                    1
#define configUSE_APPLICATION_TASK_TAG       0
#define configUSE_TASK_NOTIFICATIONS         1
#define configUSE_CO_ROUTINES                0
#define configMAX_CO_ROUTINE_PRIORITIES      2
#define configSUPPORT_DYNAMIC_ALLOCATION     1
#define configSUPPORT_STATIC_ALLOCATION      0

#define INCLUDE_vTaskDelay                1
#define INCLUDE_vTaskPrioritySet          0
#define INCLUDE_uxTaskPriorityGet         0
#define INCLUDE_eTaskGetState             0
#define INCLUDE_xTaskGetCurrentTaskHandle 1

#ifdef __linux__
/*
 * The Posix port (host runner). When every task waits, the idle task sleeps
 * until the next tick signal instead of spinning on a host core.
 */
#    define configUSE_IDLE_HOOK 1
/*
 * The Posix port does not provide xPortIsInsideInterrupt, which the
 * freertos-next shim references; emberpy_rtos.c defines it (never inside an
 * interrupt: the host has none).
 */
long xPortIsInsideInterrupt(void);
#else
#    define configUSE_IDLE_HOOK 0
#endif

#endif /* EMBERPY_FREERTOS_CONFIG_H */
