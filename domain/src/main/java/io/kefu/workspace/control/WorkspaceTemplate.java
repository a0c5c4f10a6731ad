package io.kefu.workspace.control;

import io.kefu.tenancy.entity.TenantKind;
import java.util.List;

/**
 * The departments and categories a new tenant starts with, taken from the regulations these offices publish
 * (客户服务管理制度: classification by cause decides the route). A tenant admin edits them afterwards; the
 * template only saves every new office from an empty workspace.
 */
public final class WorkspaceTemplate {

    /** A department to create: code, Chinese and English name. */
    public record DepartmentSeed(String code, String nameZh, String nameEn) {
    }

    /** A category to create, routed first to the department with the given code (or to nobody). */
    public record CategorySeed(String code, String nameZh, String nameEn, String department) {
    }

    private WorkspaceTemplate() {
    }

    public static List<DepartmentSeed> departments(TenantKind kind) {
        return switch (kind) {
            case PROPERTY -> List.of(
                    new DepartmentSeed("customer-service", "客服部", "Customer Service"),
                    new DepartmentSeed("engineering", "工程部", "Engineering"),
                    new DepartmentSeed("security", "保安部", "Security"),
                    new DepartmentSeed("cleaning", "保洁部", "Cleaning"),
                    new DepartmentSeed("finance", "财务部", "Finance"));
            case RETAIL -> List.of(
                    new DepartmentSeed("customer-service", "客服中心", "Customer Service Centre"),
                    new DepartmentSeed("operations", "营运部", "Mall Operations"),
                    new DepartmentSeed("engineering", "工程部", "Engineering"),
                    new DepartmentSeed("security", "安保部", "Security"),
                    new DepartmentSeed("finance", "财务部", "Finance"));
        };
    }

    public static List<CategorySeed> categories(TenantKind kind) {
        return switch (kind) {
            case PROPERTY -> List.of(
                    new CategorySeed("repairs", "维修报修", "Repairs", "engineering"),
                    new CategorySeed("noise", "噪音扰民", "Noise and neighbours", "customer-service"),
                    new CategorySeed("cleaning", "环境卫生", "Cleaning and hygiene", "cleaning"),
                    new CategorySeed("security", "治安安全", "Safety and security", "security"),
                    new CategorySeed("billing", "收费争议", "Billing dispute", "finance"),
                    new CategorySeed("service-attitude", "服务态度", "Service attitude", "customer-service"),
                    new CategorySeed("work-quality", "工作质量", "Quality of work", "customer-service"),
                    new CategorySeed("other", "其他", "Other", null));
            case RETAIL -> List.of(
                    new CategorySeed("product-quality", "商品质量", "Product quality", "operations"),
                    new CategorySeed("transaction-dispute", "交易纠纷", "Transaction dispute", "customer-service"),
                    new CategorySeed("returns", "退换货", "Returns and exchanges", "customer-service"),
                    new CategorySeed("service-attitude", "服务态度", "Service attitude", "operations"),
                    new CategorySeed("technical-fault", "技术故障", "Technical fault", "engineering"),
                    new CategorySeed("facilities", "公共设施", "Facilities", "engineering"),
                    new CategorySeed("security", "安全问题", "Safety and security", "security"),
                    new CategorySeed("other", "其他", "Other", null));
        };
    }
}
