package com.counterlink.billing;

import com.counterlink.identity.CurrentUser;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/** Our staff's view of the plans; admins set a new one (from next month). */
@Controller("/api/admin/billing/plans")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PlanController {

    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    /** Staff only (vendor-support or vendor-admin). */
    @Get
    public PlansView plans(Authentication auth) {
        return plans.plans(CurrentUser.from(auth));
    }

    /** vendor-admin only; answers the recorded plan with the month it takes effect. */
    @Post
    public HttpResponse<Plan> change(@Body PlanCommand command, Authentication auth) {
        return HttpResponse.created(plans.change(CurrentUser.from(auth), command));
    }
}
